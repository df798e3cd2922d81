package io.leadstream.app.streams.processors;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.state.CommitDrain;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import io.leadstream.schema.ScoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Labels an outcome point in time: joins it with the lead's last event that occurred at or before
 * the outcome's time minus the horizon, and that event's score, from the {@link LeadHistory}
 * (connected by the topology). An outcome with no such event is kept all the same: written without
 * them, and counted as unmatched. A lead's event that arrives after its outcome does not change the
 * label.
 */
public final class LabelOutcomeProcessor
    extends ContextualProcessor<String, LeadOutcome, String, LabelledLead> {

  /** Why an outcome was written without features: the {@code why} of the unmatched counter. */
  public static final String UNKNOWN_LEAD = "unknown_lead";

  public static final String NO_EVENT_BEFORE_HORIZON = "no_event_before_horizon";

  private final Duration horizon;
  private final PipelineMetrics metrics;
  private LeadHistory history;
  private CommitDrain heldReads;

  private LabelOutcomeProcessor(Duration horizon, PipelineMetrics metrics) {
    this.horizon = horizon;
    this.metrics = metrics;
  }

  public static ProcessorSupplier<String, LeadOutcome, String, LabelledLead> supplier(
      Duration horizon, PipelineMetrics metrics) {
    return () -> new LabelOutcomeProcessor(horizon, metrics);
  }

  @Override
  public void init(ProcessorContext<String, LabelledLead> context) {
    super.init(context);
    history = new LeadHistory(context.getStateStore(LeadHistory.STORE));
    heldReads = context.getStateStore(ReadTextProcessor.DRAIN_STORE);
  }

  @Override
  public void process(Record<String, LeadOutcome> record) {
    heldReads.drain(); // events held for a batch are in the history before it is read
    LeadOutcome outcome = record.value();
    Instant outcomeAt = outcome.getOccurredAt();
    Optional<ScoredEvent> asOf = history.lastAtOrBefore(record.key(), outcomeAt.minus(horizon));
    int label = label(outcome.getOutcome());
    LabelledLead labelled =
        LabelledLead.newBuilder()
            .setLeadId(record.key())
            .setOutcome(outcome)
            .setLabel(label)
            .setOutcomeAt(outcomeAt)
            .setHorizonMs(horizon.toMillis())
            .setEventAt(asOf.map(scored -> scored.getEvent().getOccurredAt()).orElse(null))
            .setAsOf(asOf.orElse(null))
            .build();
    if (asOf.isPresent()) {
      metrics.labelled(context().recordMetadata(), label);
    } else {
      metrics.unmatched(
          context().recordMetadata(),
          history.knows(record.key()) ? NO_EVENT_BEFORE_HORIZON : UNKNOWN_LEAD);
    }
    context().forward(record.withValue(labelled));
  }

  /** 1 for the outcomes sales wants more of, 0 for the others. */
  static int label(OutcomeType outcome) {
    return switch (outcome) {
      case CONVERTED, WON -> 1;
      case LOST, DISQUALIFIED -> 0;
      case UNKNOWN ->
          throw new IllegalArgumentException(
              "an UNKNOWN outcome is dead-lettered before labelling");
    };
  }
}
