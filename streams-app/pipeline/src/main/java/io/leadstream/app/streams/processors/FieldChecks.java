package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import java.time.Instant;

/** The checks every input record's fields get; messages name fields and numbers, never text. */
final class FieldChecks {

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private FieldChecks() {}

  /** Both ids present, and the record key is the leadId. */
  static void checkIds(String key, String leadId, String eventId) {
    if (isBlank(leadId)) {
      throw invalid(DeadLetterReason.MISSING_LEAD_ID, "leadId is missing or blank");
    }
    if (isBlank(eventId)) {
      throw invalid(DeadLetterReason.MISSING_EVENT_ID, "eventId is missing or blank");
    }
    if (!leadId.equals(key)) {
      throw invalid(
          DeadLetterReason.KEY_MISMATCH,
          key == null
              ? "record key is null; it must be the leadId so all events of a lead stay on one partition"
              : "record key differs from leadId; it must be the leadId so all events of a lead stay on one partition");
    }
  }

  static void checkOccurredAt(Instant occurredAt) {
    if (occurredAt.isBefore(EARLIEST) || !occurredAt.isBefore(LATEST)) {
      throw invalid(
          DeadLetterReason.INVALID_FIELD,
          "occurredAt must lie between " + EARLIEST + " and " + LATEST + ", was " + occurredAt);
    }
  }

  static void checkNonNegative(String field, Number value) {
    if (value == null) {
      return;
    }
    double v = value.doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
      throw invalid(
          DeadLetterReason.INVALID_FIELD, field + " must be a finite number >= 0, was " + value);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  static InvalidLeadException invalid(DeadLetterReason reason, String message) {
    return new InvalidLeadException(reason, message);
  }
}
