package io.leadstream.app.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.streams.errors.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterFilterTest {

  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  private static final long RECORD_TIMESTAMP = 1_700_000_000_000L;

  @Test
  void shouldReadEveryHeaderTheDeadLetterHandlerWrites() {
    DeadLetter deadLetter = DeadLetter.from(record(7, "INVALID_FIELD", 2, 41, T0.toString(), null));

    assertThat(deadLetter.position()).isEqualTo(new RecordPosition("leads.dlq", 0, 7));
    assertThat(deadLetter.reason()).isEqualTo("INVALID_FIELD");
    assertThat(deadLetter.detail()).isEqualTo("budget must be >= 0");
    assertThat(deadLetter.source()).isEqualTo(new RecordPosition("leads.raw", 2, 41));
    assertThat(deadLetter.time()).isEqualTo(T0);
    assertThat(deadLetter.key()).isEqualTo("lead-1".getBytes(StandardCharsets.UTF_8));
    assertThat(deadLetter.value()).containsExactly(1, 2, 3);
    assertThat(deadLetter.valueOmitted()).isFalse();
  }

  @Test
  void shouldFallBackToTheRecordTimestampWithoutAFailedAtHeader() {
    DeadLetter deadLetter = DeadLetter.from(record(7, "NOT_AVRO", 0, 1, "not a time", null));

    assertThat(deadLetter.failedAt()).isNull();
    assertThat(deadLetter.time()).isEqualTo(Instant.ofEpochMilli(RECORD_TIMESTAMP));
  }

  @Test
  void shouldSeeAnOmittedValue() {
    DeadLetter deadLetter =
        DeadLetter.from(record(7, "RECORD_TOO_LARGE", 0, 1, T0.toString(), "true"));

    assertThat(deadLetter.valueOmitted()).isTrue();
  }

  @Test
  void shouldChooseByReasonInAnyCase() {
    DeadLetterFilter filter =
        new DeadLetterFilter(Set.of("not_avro", "BAD_UTF8"), null, null, null, null, null);

    assertThat(filter.test(deadLetter("NOT_AVRO", 0, 5, T0))).isTrue();
    assertThat(filter.test(deadLetter("BAD_UTF8", 0, 5, T0))).isTrue();
    assertThat(filter.test(deadLetter("INVALID_FIELD", 0, 5, T0))).isFalse();
    assertThat(filter.describe()).isEqualTo("reason BAD_UTF8 or NOT_AVRO");
  }

  @Test
  void shouldChooseFromSinceInclusiveToUntilExclusive() {
    DeadLetterFilter filter =
        new DeadLetterFilter(Set.of(), T0, T0.plusSeconds(60), null, null, null);

    assertThat(filter.test(deadLetter("NOT_AVRO", 0, 5, T0.minusMillis(1)))).isFalse();
    assertThat(filter.test(deadLetter("NOT_AVRO", 0, 5, T0))).isTrue();
    assertThat(filter.test(deadLetter("NOT_AVRO", 0, 5, T0.plusSeconds(59)))).isTrue();
    assertThat(filter.test(deadLetter("NOT_AVRO", 0, 5, T0.plusSeconds(60)))).isFalse();
  }

  @Test
  void shouldChooseBySourcePartitionAndInclusiveOffsetRange() {
    DeadLetterFilter filter = new DeadLetterFilter(Set.of(), null, null, 1, 10L, 12L);

    assertThat(filter.test(deadLetter("NOT_AVRO", 1, 9, T0))).isFalse();
    assertThat(filter.test(deadLetter("NOT_AVRO", 1, 10, T0))).isTrue();
    assertThat(filter.test(deadLetter("NOT_AVRO", 1, 12, T0))).isTrue();
    assertThat(filter.test(deadLetter("NOT_AVRO", 1, 13, T0))).isFalse();
    assertThat(filter.test(deadLetter("NOT_AVRO", 0, 11, T0))).isFalse();
  }

  @Test
  void shouldChooseEverythingWhenEmpty() {
    assertThat(DeadLetterFilter.ALL.test(deadLetter(null, 0, 0, T0))).isTrue();
    assertThat(DeadLetterFilter.ALL.describe()).isEqualTo("all");
  }

  @Test
  void shouldRefuseOffsetsWithoutAPartitionAndContradictoryBounds() {
    assertThatThrownBy(() -> new DeadLetterFilter(Set.of(), null, null, null, 3L, null))
        .hasMessageContaining("--source-partition");
    assertThatThrownBy(() -> new DeadLetterFilter(Set.of(), null, null, 0, 5L, 4L))
        .hasMessageContaining("--from-offset 5 is above --to-offset 4");
    assertThatThrownBy(() -> new DeadLetterFilter(Set.of(), T0, T0, null, null, null))
        .hasMessageContaining("is not before --until");
  }

  @Test
  void shouldWriteAndParsePositions() {
    RecordPosition position = new RecordPosition("my.dlq-1", 3, 42);

    assertThat(position).hasToString("my.dlq-1/3/42");
    assertThat(RecordPosition.parse("my.dlq-1/3/42")).isEqualTo(position);
    assertThatThrownBy(() -> RecordPosition.parse("my.dlq/x/1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordPosition.parse("3/42"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DeadLetter deadLetter(
      String reason, int sourcePartition, long sourceOffset, Instant failedAt) {
    return new DeadLetter(
        new RecordPosition("leads.dlq", 0, 0),
        0,
        null,
        new byte[0],
        reason,
        null,
        new RecordPosition("leads.raw", sourcePartition, sourceOffset),
        failedAt,
        false,
        false);
  }

  private static ConsumerRecord<byte[], byte[]> record(
      long offset,
      String reason,
      int sourcePartition,
      long sourceOffset,
      String failedAt,
      String valueOmitted) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, DeadLetterHeaders.REASON, reason);
    add(headers, DeadLetterHeaders.DETAIL, "budget must be >= 0");
    add(headers, DeadLetterHeaders.SOURCE_TOPIC, "leads.raw");
    add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(sourcePartition));
    add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(sourceOffset));
    add(headers, DeadLetterHeaders.FAILED_AT, failedAt);
    if (valueOmitted != null) {
      add(headers, DeadLetterHeaders.VALUE_OMITTED, valueOmitted);
    }
    return new ConsumerRecord<>(
        "leads.dlq",
        0,
        offset,
        RECORD_TIMESTAMP,
        TimestampType.CREATE_TIME,
        6,
        3,
        "lead-1".getBytes(StandardCharsets.UTF_8),
        new byte[] {1, 2, 3},
        headers,
        Optional.empty());
  }

  private static void add(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
