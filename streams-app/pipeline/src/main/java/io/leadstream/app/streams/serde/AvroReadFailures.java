package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.Causes;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import java.io.EOFException;

/** The dead-letter reasons of an Avro LeadEvent body that does not read, in every Avro format. */
final class AvroReadFailures {

  private AvroReadFailures() {}

  static void requireValue(byte[] value) {
    if (value == null || value.length == 0) {
      throw new InvalidLeadException(DeadLetterReason.EMPTY_RECORD, "record has no value");
    }
  }

  /** BAD_UTF8 for a string that is not UTF-8, else UNDECODABLE naming the root cause. */
  static InvalidLeadException unreadable(Exception e, int length) {
    if (e instanceof StrictUtf8DatumReader.InvalidUtf8Exception) {
      return new InvalidLeadException(DeadLetterReason.BAD_UTF8, e.getMessage(), e);
    }
    return new InvalidLeadException(DeadLetterReason.UNDECODABLE, undecodable(e, length), e);
  }

  static InvalidLeadException trailingBytes(int remaining, int length) {
    return new InvalidLeadException(
        DeadLetterReason.UNDECODABLE,
        "value holds "
            + remaining
            + " bytes after the end of the LeadEvent record ("
            + length
            + " bytes in all);"
            + " a record must end where the value ends");
  }

  private static String undecodable(Exception e, int length) {
    Throwable root = Causes.rootCause(e);
    if (root instanceof EOFException) {
      return "value ends inside the LeadEvent record (truncated: " + length + " bytes)";
    }
    String message = root.getMessage();
    return "value is not a decodable LeadEvent: "
        + root.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
