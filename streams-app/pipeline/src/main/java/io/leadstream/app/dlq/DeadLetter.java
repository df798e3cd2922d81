package io.leadstream.app.dlq;

import io.leadstream.app.streams.errors.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the dead-letter topic as {@code DeadLetterHandler} writes it: the rejected record's
 * original key and value bytes, and what its headers say.
 *
 * @param position where the dead letter itself is, on the dead-letter topic
 * @param timestamp the dead letter's record timestamp, epoch millis
 * @param key the original key bytes, or null
 * @param value the original value bytes; null for a tombstone, and when {@code valueOmitted}
 * @param reason the {@code leadstream.dlq.reason} header, or null
 * @param detail the {@code leadstream.dlq.detail} header, or null
 * @param source where the rejected record was read from; null when the headers do not say
 * @param failedAt when it was rejected; null when the header is missing or not an ISO instant
 * @param valueOmitted the value was too large to copy and is only in the source topic
 * @param keyOmitted even the key was too large to copy; it too is only in the source topic
 */
public record DeadLetter(
    RecordPosition position,
    long timestamp,
    byte[] key,
    byte[] value,
    String reason,
    String detail,
    RecordPosition source,
    Instant failedAt,
    boolean valueOmitted,
    boolean keyOmitted) {

  /** Reads a dead letter from a record of the dead-letter topic; missing headers become nulls. */
  public static DeadLetter from(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    return new DeadLetter(
        new RecordPosition(record.topic(), record.partition(), record.offset()),
        record.timestamp(),
        record.key(),
        record.value(),
        text(headers, DeadLetterHeaders.REASON),
        text(headers, DeadLetterHeaders.DETAIL),
        source(headers),
        instant(text(headers, DeadLetterHeaders.FAILED_AT)),
        "true".equalsIgnoreCase(text(headers, DeadLetterHeaders.VALUE_OMITTED)),
        "true".equalsIgnoreCase(text(headers, DeadLetterHeaders.KEY_OMITTED)));
  }

  /**
   * When it was dead-lettered: the failed-at header, or the record timestamp when there is none.
   */
  public Instant time() {
    return failedAt != null ? failedAt : Instant.ofEpochMilli(timestamp);
  }

  private static RecordPosition source(Headers headers) {
    String topic = text(headers, DeadLetterHeaders.SOURCE_TOPIC);
    String partition = text(headers, DeadLetterHeaders.SOURCE_PARTITION);
    String offset = text(headers, DeadLetterHeaders.SOURCE_OFFSET);
    if (topic == null || partition == null || offset == null) {
      return null;
    }
    try {
      return new RecordPosition(
          topic, Integer.parseInt(partition.trim()), Long.parseLong(offset.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
