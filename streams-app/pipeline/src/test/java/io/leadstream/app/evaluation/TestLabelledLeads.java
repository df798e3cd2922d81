package io.leadstream.app.evaluation;

import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.EventScore;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import io.leadstream.schema.ScoredEvent;
import io.leadstream.schema.Tier;
import java.time.Duration;
import java.time.Instant;

/** Hand-made {@link LabelledLead}s, as the pipeline writes them. */
public final class TestLabelledLeads {

  private TestLabelledLeads() {}

  /** A lead scored {@code score} by {@code version}, its event two days before the outcome. */
  public static LabelledLead scored(
      String leadId, String version, int score, Tier tier, int label, Instant outcomeAt) {
    Instant eventAt = outcomeAt.minus(Duration.ofDays(2));
    return scored(
        TestLeads.hot(leadId).setOccurredAt(eventAt).build(),
        version,
        score,
        tier,
        label,
        outcomeAt);
  }

  /** {@code event} scored {@code score} by {@code version} when it occurred, then its outcome. */
  public static LabelledLead scored(
      LeadEvent event, String version, int score, Tier tier, int label, Instant outcomeAt) {
    Instant eventAt = event.getOccurredAt();
    ScoredEvent asOf =
        ScoredEvent.newBuilder()
            .setEvent(event)
            .setScore(
                EventScore.newBuilder()
                    .setEventId(event.getEventId())
                    .setScore(score)
                    .setOpportunityProbability(0.5)
                    .setTier(tier)
                    .setModelVersion(version)
                    .setScoredAt(eventAt)
                    .build())
            .build();
    return base(event.getLeadId(), label, outcomeAt).setAsOf(asOf).setEventAt(eventAt).build();
  }

  /** An outcome LeadStream knew no event of the lead before. */
  public static LabelledLead unmatched(String leadId, int label, Instant outcomeAt) {
    return base(leadId, label, outcomeAt).build();
  }

  private static LabelledLead.Builder base(String leadId, int label, Instant outcomeAt) {
    return LabelledLead.newBuilder()
        .setLeadId(leadId)
        .setOutcome(
            LeadOutcome.newBuilder()
                .setEventId(leadId + "-o")
                .setLeadId(leadId)
                .setOutcome(label == 1 ? OutcomeType.WON : OutcomeType.LOST)
                .setOccurredAt(outcomeAt)
                .setSourceSystem("test")
                .build())
        .setLabel(label)
        .setOutcomeAt(outcomeAt)
        .setHorizonMs(Duration.ofDays(1).toMillis());
  }
}
