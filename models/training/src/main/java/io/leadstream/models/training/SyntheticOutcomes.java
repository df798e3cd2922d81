package io.leadstream.models.training;

import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

/**
 * The outcome a CRM reports for a synthetic lead, drawn from the label its hidden process gave it:
 * a converted lead is {@code CONVERTED} or {@code WON}, any other {@code LOST} or {@code
 * DISQUALIFIED}, half and half. The same seed gives the same outcomes. Not thread-safe.
 */
public final class SyntheticOutcomes {

  private final Random random;

  public SyntheticOutcomes(long seed) {
    this.random = new Random(seed);
  }

  /**
   * The outcome of {@code lead}, occurring {@code delay} after its event.
   *
   * @param lead a generated lead and its label
   * @param delay time from the lead's event to its outcome; positive
   */
  public LeadOutcome outcomeOf(LabelledLead lead, Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("an outcome follows its lead: delay " + delay);
    }
    boolean either = random.nextBoolean();
    OutcomeType type =
        lead.converted()
            ? either ? OutcomeType.CONVERTED : OutcomeType.WON
            : either ? OutcomeType.LOST : OutcomeType.DISQUALIFIED;
    return LeadOutcome.newBuilder()
        .setEventId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setLeadId(lead.event().getLeadId())
        .setOutcome(type)
        .setOccurredAt(lead.event().getOccurredAt().plus(delay))
        .setSourceSystem("synthetic")
        .build();
  }
}
