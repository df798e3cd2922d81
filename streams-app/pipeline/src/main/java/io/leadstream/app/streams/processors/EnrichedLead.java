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
 * @param textFailure why the text could not be read (then {@code text} is null), thrown by the
 *     score step: a batch is read away from the record's own processing, so the failure travels
 *     with it to where Kafka Streams' handler sees it in the record's context
 */
public record EnrichedLead(
    LeadEvent event,
    TextSignal text,
    boolean textReused,
    LeadScorer scorer,
    RuntimeException textFailure) {}
