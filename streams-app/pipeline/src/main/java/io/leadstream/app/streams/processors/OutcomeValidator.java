package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;

/**
 * Checks a decoded {@link LeadOutcome} as {@link LeadValidator} checks events: ids, key, time, and
 * an outcome LeadStream has a label for.
 */
public final class OutcomeValidator implements RecordValidator<LeadOutcome> {

  @Override
  public void validate(String key, LeadOutcome outcome) {
    FieldChecks.checkIds(key, outcome.getLeadId(), outcome.getEventId());
    if (outcome.getOutcome() == OutcomeType.UNKNOWN) {
      throw FieldChecks.invalid(
          DeadLetterReason.INVALID_FIELD,
          "outcome is UNKNOWN (or a symbol this schema does not have); LeadStream labels "
              + "CONVERTED, WON, LOST and DISQUALIFIED");
    }
    FieldChecks.checkOccurredAt(outcome.getOccurredAt());
    FieldChecks.checkNonNegative("value", outcome.getValue());
  }
}
