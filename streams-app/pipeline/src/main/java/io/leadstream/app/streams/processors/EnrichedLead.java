package io.leadstream.app.streams.processors;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;

/**
 * A lead event with what the text model read from it, and the scorer that read it: the bundle is
 * chosen once per record, so the same bundle scores it even when another is swapped in meanwhile.
 * The scorer belongs to the read-text processor and is valid only while the record is processed
 * downstream of it (in the same call).
 *
 * @param textReused true when the text had not changed and the previous reading was reused
 */
public record EnrichedLead(
    LeadEvent event, TextSignal text, boolean textReused, LeadScorer scorer) {}
