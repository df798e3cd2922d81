package io.leadstream.app.streams.errors;

/** Names of the headers LeadStream adds to every dead letter. */
public final class DeadLetterHeaders {
  private DeadLetterHeaders() {}

  /** A {@link DeadLetterReason} name. */
  public static final String REASON = "leadstream.dlq.reason";

  /** What exactly is wrong, in words; never contains lead text. */
  public static final String DETAIL = "leadstream.dlq.detail";

  public static final String SOURCE_TOPIC = "leadstream.dlq.source.topic";
  public static final String SOURCE_PARTITION = "leadstream.dlq.source.partition";
  public static final String SOURCE_OFFSET = "leadstream.dlq.source.offset";

  /** ISO-8601 instant at which the record was rejected. */
  public static final String FAILED_AT = "leadstream.dlq.failed.at";

  /** The topology node that rejected the record. */
  public static final String PROCESSOR = "leadstream.dlq.processor";

  /** Class name of the exception behind the rejection. */
  public static final String EXCEPTION = "leadstream.dlq.exception";

  /**
   * "true" when the dead letter was too large for the dead-letter topic and carries no value: the
   * original is at the source topic, partition and offset.
   */
  public static final String VALUE_OMITTED = "leadstream.dlq.value.omitted";

  /** Size in bytes of the original value, given when the value was omitted. */
  public static final String VALUE_BYTES = "leadstream.dlq.value.bytes";

  /** "true" when even the key was too large to copy. */
  public static final String KEY_OMITTED = "leadstream.dlq.key.omitted";
}
