package io.leadstream.app.streams.processors;

import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;

/**
 * A lead event with what the text model read from it.
 *
 * @param textReused true when the text had not changed and the previous reading was reused
 */
public record EnrichedLead(LeadEvent event, TextSignal text, boolean textReused) {}
