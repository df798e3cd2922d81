package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.Causes;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import java.io.EOFException;

/** The dead-letter reasons of an Avro record body that does not read, in every Avro format. */
final class AvroReadFailures {

  private AvroReadFailures() {}

  static void requireValue(byte[] value) {
    if (value == null || value.length == 0) {
      throw new InvalidLeadException(DeadLetterReason.EMPTY_RECORD, "record has no value");
    }
  }

  /** BAD_UTF8 for a string that is not UTF-8, else UNDECODABLE naming the root cause. */
  static InvalidLeadException unreadable(Exception e, int length, String recordName) {
    if (e instanceof StrictUtf8DatumReader.InvalidUtf8Exception) {
      return new InvalidLeadException(DeadLetterReason.BAD_UTF8, e.getMessage(), e);
    }
    return new InvalidLeadException(
        DeadLetterReason.UNDECODABLE, undecodable(e, length, recordName), e);
  }

  static InvalidLeadException trailingBytes(int remaining, int length, String recordName) {
    return new InvalidLeadException(
        DeadLetterReason.UNDECODABLE,
        "value holds "
            + remaining
            + " bytes after the end of the "
            + recordName
            + " record ("
            + length
            + " bytes in all);"
            + " a record must end where the value ends");
  }

  private static String undecodable(Exception e, int length, String recordName) {
    Throwable root = Causes.rootCause(e);
    if (root instanceof EOFException) {
      return "value ends inside the " + recordName + " record (truncated: " + length + " bytes)";
    }
    String message = root.getMessage();
    return "value is not a decodable "
        + recordName
        + ": "
        + root.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
