package io.leadstream.app.streams.errors;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.ops.PipelineMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every processing failure into a dead letter and lets the pipeline go on: the original
 * key and value bytes of the source record go to the dead-letter topic, with headers giving the
 * reason, the detail, the source topic, partition and offset, and the time of rejection. Being
 * produced by the task, the dead letter is part of the same exactly-once transaction as the
 * source offset. Configured as Kafka Streams' {@code processing.exception.handler}.
 */
public class DeadLetterHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

  private String deadLetterTopic = LeadStreamConfig.TOPIC_DLQ_DEFAULT;
  private PipelineMetrics metrics = PipelineMetrics.inMemory();
  private final Clock clock;

  public DeadLetterHandler() {
    this(Clock.systemUTC());
  }

  DeadLetterHandler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(LeadStreamConfig.TOPIC_DLQ_CONFIG);
    if (topic != null) {
      deadLetterTopic = topic.toString();
    }
    if (configs.get(PipelineMetrics.CONFIG_KEY) instanceof PipelineMetrics shared) {
      metrics = shared;
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    InvalidLeadException invalid = findInvalidLead(exception);
    DeadLetterReason reason = invalid == null ? DeadLetterReason.PROCESSING_ERROR : invalid.reason();
    Throwable cause = invalid == null ? exception : invalid;
    String detail = String.valueOf(cause.getMessage());
    if (invalid == null) {
      log.error("Dead-lettering {}-{}@{} after an unexpected failure in {}",
          context.topic(), context.partition(), context.offset(), context.processorNodeId(), exception);
    } else {
      log.warn("Dead-lettering {}-{}@{}: {} ({})",
          context.topic(), context.partition(), context.offset(), reason, detail);
    }
    metrics.deadLetter(reason.name());
    Headers headers = new RecordHeaders();
    add(headers, DeadLetterHeaders.REASON, reason.name());
    add(headers, DeadLetterHeaders.DETAIL, detail);
    add(headers, DeadLetterHeaders.SOURCE_TOPIC, context.topic());
    add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
    add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
    add(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
    add(headers, DeadLetterHeaders.PROCESSOR, context.processorNodeId());
    add(headers, DeadLetterHeaders.EXCEPTION, cause.getClass().getName());
    ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(
        deadLetterTopic, null, context.sourceRawKey(), context.sourceRawValue(), headers);
    return Response.resume(List.of(deadLetter));
  }

  private static InvalidLeadException findInvalidLead(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof InvalidLeadException invalid) {
        return invalid;
      }
    }
    return null;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
