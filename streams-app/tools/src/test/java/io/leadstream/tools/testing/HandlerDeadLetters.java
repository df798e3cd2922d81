package io.leadstream.tools.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.errors.DeadLetterHandler;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead letters made by the app's own {@link DeadLetterHandler} from a given source record, as the
 * running app writes them, with a chosen failed-at time; and dead letters whose value was omitted
 * because the record was too large to copy (reason RECORD_TOO_LARGE, header {@link
 * DeadLetterHeaders#VALUE_OMITTED}, no value, the bytes left in the source topic).
 */
public final class HandlerDeadLetters {

  /** The reason of a dead letter whose value was too large to copy. */
  public static final String RECORD_TOO_LARGE = DeadLetterReason.RECORD_TOO_LARGE.name();

  /**
   * The dead-letter limit {@link #valueOmitted} configures the handler with; its values are larger.
   */
  private static final int SMALL_LIMIT = 1024;

  private HandlerDeadLetters() {}

  /**
   * A dead letter of the record at {@code topic/partition/offset}, rejected for {@code reason} at
   * {@code failedAt}.
   */
  public static ProducerRecord<byte[], byte[]> of(
      String deadLetterTopic,
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      DeadLetterReason reason,
      Instant failedAt) {
    return of(deadLetterTopic, 1024 * 1024, topic, partition, offset, key, value, reason, failedAt);
  }

  private static ProducerRecord<byte[], byte[]> of(
      String deadLetterTopic,
      int maxBytes,
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      DeadLetterReason reason,
      Instant failedAt) {
    DeadLetterHandler handler = new DeadLetterHandler();
    handler.configure(
        Map.of(
            LeadStreamConfig.TOPIC_DLQ_CONFIG,
            deadLetterTopic,
            DeadLetterHandler.MAX_BYTES_CONFIG,
            maxBytes));
    ProducerRecord<byte[], byte[]> deadLetter =
        handler
            .handleError(
                new Source(topic, partition, offset, key, value),
                new Record<>(key, value, 0L),
                new InvalidLeadException(reason, reason + " in test record " + offset))
            .deadLetterQueueRecords()
            .get(0);
    deadLetter.headers().remove(DeadLetterHeaders.FAILED_AT);
    deadLetter
        .headers()
        .add(DeadLetterHeaders.FAILED_AT, failedAt.toString().getBytes(StandardCharsets.UTF_8));
    return deadLetter;
  }

  /**
   * A RECORD_TOO_LARGE dead letter of the record at {@code topic/partition/offset}: its key, no
   * value, as the handler writes it when the copy would not fit the dead-letter topic.
   */
  public static ProducerRecord<byte[], byte[]> valueOmitted(
      String deadLetterTopic,
      String topic,
      int partition,
      long offset,
      byte[] key,
      Instant failedAt) {
    return of(
        deadLetterTopic,
        SMALL_LIMIT,
        topic,
        partition,
        offset,
        key,
        new byte[4 * SMALL_LIMIT],
        DeadLetterReason.RECORD_TOO_LARGE,
        failedAt);
  }

  /**
   * Sends dead letters to partition 0 of their topic in order, each acknowledged before the next,
   * so that on an empty topic their offsets are their indexes in the list.
   */
  public static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> deadLetters)
      throws ExecutionException, InterruptedException {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers", bootstrapServers, "max.in.flight.requests.per.connection", 1),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (ProducerRecord<byte[], byte[]> deadLetter : deadLetters) {
        producer
            .send(
                new ProducerRecord<>(
                    deadLetter.topic(),
                    0,
                    deadLetter.key(),
                    deadLetter.value(),
                    deadLetter.headers()))
            .get();
      }
    }
  }

  private record Source(
      String topic, int partition, long offset, byte[] sourceRawKey, byte[] sourceRawValue)
      implements ErrorHandlerContext {
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
      return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
      return 0;
    }
  }
}
