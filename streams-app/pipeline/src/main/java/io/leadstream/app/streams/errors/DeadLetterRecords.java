package io.leadstream.app.streams.errors;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the dead letter of a rejected record: its original key and value bytes with headers saying
 * why, from where and when. A dead letter must fit the dead-letter topic: under exactly-once, one
 * record the producer refuses aborts the whole transaction, and the same record would fail again
 * after every restart. So when the copy would exceed {@code maxBytes} the value (and if need be the
 * key) is left out and the headers say so; the original stays readable in the source topic at the
 * partition and offset they name.
 */
final class DeadLetterRecords {

  /**
   * Upper bound of a one-record batch's framing (batch header 61 bytes, record header up to 21).
   */
  private static final int BATCH_OVERHEAD = 128;

  /** Upper bound of one header's framing (varints of key length, value length). */
  private static final int HEADER_OVERHEAD = 10;

  private final String topic;
  private final long maxBytes;
  private final Clock clock;

  DeadLetterRecords(String topic, long maxBytes, Clock clock) {
    this.topic = topic;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  ProducerRecord<byte[], byte[]> of(ErrorHandlerContext context, InvalidLeadException rejection) {
    Headers headers = new RecordHeaders();
    add(headers, DeadLetterHeaders.REASON, rejection.reason().name());
    add(headers, DeadLetterHeaders.DETAIL, rejection.getMessage());
    add(headers, DeadLetterHeaders.SOURCE_TOPIC, context.topic());
    add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
    add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
    add(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
    add(headers, DeadLetterHeaders.PROCESSOR, context.processorNodeId());
    add(headers, DeadLetterHeaders.EXCEPTION, exceptionName(rejection));
    byte[] key = context.sourceRawKey();
    byte[] value = context.sourceRawValue();
    if (sizeOf(key, value, headers) > maxBytes) {
      add(headers, DeadLetterHeaders.VALUE_OMITTED, "true");
      add(
          headers,
          DeadLetterHeaders.VALUE_BYTES,
          Integer.toString(value == null ? 0 : value.length));
      value = null;
    }
    if (sizeOf(key, value, headers) > maxBytes) {
      add(headers, DeadLetterHeaders.KEY_OMITTED, "true");
      key = null;
    }
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  /** What the rejection came from: the underlying exception where there is one. */
  private static String exceptionName(InvalidLeadException rejection) {
    Throwable cause = rejection.getCause() == null ? rejection : rejection.getCause();
    return cause.getClass().getName();
  }

  static long sizeOf(byte[] key, byte[] value, Headers headers) {
    long size = BATCH_OVERHEAD + length(key) + length(value);
    for (Header header : headers) {
      size +=
          HEADER_OVERHEAD
              + header.key().getBytes(StandardCharsets.UTF_8).length
              + length(header.value());
    }
    return size;
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
