package io.leadstream.app.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final DeadLetterHandler handler = new DeadLetterHandler(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldSendTheOriginalBytesWithReasonAndOriginHeaders() {
    handler.configure(Map.of("leadstream.topic.dlq", "my.dlq"));
    byte[] original = {1, 2, 3};

    ProcessingExceptionHandler.Response response =
        handler.handleError(
            context(original),
            new Record<>("k", "v", 0L),
            new InvalidLeadException(
                DeadLetterReason.INVALID_FIELD, "budget must be a finite number >= 0, was -5.0"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
    assertThat(dead.topic()).isEqualTo("my.dlq");
    assertThat(dead.value()).isEqualTo(original);
    assertThat(dead.key()).isEqualTo("lead-7".getBytes(StandardCharsets.UTF_8));
    assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("INVALID_FIELD");
    assertThat(header(dead.headers(), DeadLetterHeaders.DETAIL)).contains("budget");
    assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("leads.raw");
    assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("3");
    assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("42");
    assertThat(header(dead.headers(), DeadLetterHeaders.FAILED_AT)).isEqualTo(NOW.toString());
  }

  @Test
  void shouldFailTheTaskWhenTheFailureIsNotTheRecords() {
    ProcessingExceptionHandler.Response response =
        handler.handleError(
            context(new byte[] {9}),
            new Record<>("k", "v", 0L),
            new IllegalStateException("predictor crashed"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldLeaveOutAValueTooLargeForTheDeadLetterTopicAndSayWhereTheOriginalIs() {
    handler.configure(Map.of(DeadLetterHandler.MAX_BYTES_CONFIG, 4096));
    byte[] original = new byte[5000];

    ProcessingExceptionHandler.Response response =
        handler.handleError(
            context(original),
            new Record<>("k", "v", 0L),
            new InvalidLeadException(
                DeadLetterReason.RECORD_TOO_LARGE, "key and value are 5006 bytes"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
    assertThat(dead.value()).isNull();
    assertThat(dead.key()).isEqualTo("lead-7".getBytes(StandardCharsets.UTF_8));
    assertThat(header(dead.headers(), DeadLetterHeaders.VALUE_OMITTED)).isEqualTo("true");
    assertThat(header(dead.headers(), DeadLetterHeaders.VALUE_BYTES)).isEqualTo("5000");
    assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("42");
    assertThat(DeadLetterRecords.sizeOf(dead.key(), dead.value(), dead.headers()))
        .isLessThanOrEqualTo(4096);
  }

  @Test
  void shouldKeepTheValueOfADeadLetterThatFits() {
    handler.configure(Map.of(DeadLetterHandler.MAX_BYTES_CONFIG, 4096));
    byte[] original = new byte[3000];

    ProcessingExceptionHandler.Response response =
        handler.handleError(
            context(original),
            new Record<>("k", "v", 0L),
            new InvalidLeadException(DeadLetterReason.TEXT_TOO_LONG, "notes is 2990 bytes"));

    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
    assertThat(dead.value()).isEqualTo(original);
    assertThat(dead.headers().lastHeader(DeadLetterHeaders.VALUE_OMITTED)).isNull();
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context(byte[] rawValue) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "leads.raw";
      }

      @Override
      public int partition() {
        return 3;
      }

      @Override
      public long offset() {
        return 42;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "parse-validate";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 3);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return "lead-7".getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public byte[] sourceRawValue() {
        return rawValue;
      }
    };
  }
}
