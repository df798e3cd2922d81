package io.leadstream.app.streams.errors;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' {@code processing.exception.handler}: decides by the kind of failure. A record
 * that is itself bad ({@link InvalidLeadException}) becomes a dead letter carrying its original
 * bytes (see {@link DeadLetterRecords}) and the pipeline goes on; being produced by the task, the
 * dead letter is part of the same exactly-once transaction as the source offset. Any other failure
 * (a broken model, a store, the broker) is not the record's fault: the task fails, nothing past the
 * record is committed, and the record is processed again once the cause is fixed.
 */
public class DeadLetterHandler implements ProcessingExceptionHandler {

  /**
   * Internal key under which the app passes the largest dead letter the dead-letter topic takes
   * (its {@code max.message.bytes}, and the producer's {@code max.request.size}).
   */
  public static final String MAX_BYTES_CONFIG = "leadstream.internal.dlq.max.bytes";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
  private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

  private final Clock clock;
  private DeadLetterRecords deadLetters;
  private PipelineMetrics metrics = PipelineMetrics.inMemory();

  public DeadLetterHandler() {
    this(Clock.systemUTC());
  }

  DeadLetterHandler(Clock clock) {
    this.clock = clock;
    this.deadLetters =
        new DeadLetterRecords(LeadStreamConfig.TOPIC_DLQ_DEFAULT, DEFAULT_MAX_REQUEST_SIZE, clock);
  }

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(LeadStreamConfig.TOPIC_DLQ_CONFIG);
    deadLetters =
        new DeadLetterRecords(
            topic == null ? LeadStreamConfig.TOPIC_DLQ_DEFAULT : topic.toString(),
            maxBytes(configs),
            clock);
    if (configs.get(PipelineMetrics.CONFIG_KEY) instanceof PipelineMetrics shared) {
      metrics = shared;
    }
  }

  /**
   * The app's measured limit, else the producer's {@code max.request.size} as Streams would set it.
   */
  private static long maxBytes(Map<String, ?> configs) {
    for (String key :
        List.of(
            MAX_BYTES_CONFIG,
            StreamsConfig.PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
      Object value = configs.get(key);
      if (value != null) {
        return Long.parseLong(value.toString());
      }
    }
    return DEFAULT_MAX_REQUEST_SIZE;
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    InvalidLeadException rejection = Causes.find(exception, InvalidLeadException.class);
    if (rejection == null) {
      log.error(
          "Stopping task {}: processing {}-{}@{} failed in {}, and the failure is not the record's"
              + " (root cause: {}). Nothing past the record is committed; it is processed again once the"
              + " cause is fixed.",
          context.taskId(),
          context.topic(),
          context.partition(),
          context.offset(),
          context.processorNodeId(),
          Causes.rootCause(exception),
          exception);
      return Response.fail();
    }
    log.warn(
        "Dead-lettering {}-{}@{}: {} ({})",
        context.topic(),
        context.partition(),
        context.offset(),
        rejection.reason(),
        rejection.getMessage());
    metrics.deadLetter(
        context.topic(), context.partition(), context.offset(), rejection.reason().name());
    return Response.resume(List.of(deadLetters.of(context, rejection)));
  }
}
