package io.leadstream.app.streams.processors;

import io.leadstream.app.ops.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.app.streams.serde.SingleObjectSerde;
import io.leadstream.schema.LeadEvent;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes raw bytes into a {@link LeadEvent} and validates it. Anything wrong is thrown as an
 * {@link InvalidLeadException}, which the dead-letter handler turns into a dead letter carrying the
 * original bytes.
 */
public final class ParseLeadProcessor extends ContextualProcessor<String, byte[], String, LeadEvent> {

  private final SingleObjectSerde<LeadEvent> serde = LeadSerdes.leadEvent();
  private final LeadValidator validator;
  private final PipelineMetrics metrics;

  public ParseLeadProcessor(LeadValidator validator, PipelineMetrics metrics) {
    this.validator = validator;
    this.metrics = metrics;
  }

  public static ProcessorSupplier<String, byte[], String, LeadEvent> supplier(int textMaxBytes, PipelineMetrics metrics) {
    return () -> new ParseLeadProcessor(new LeadValidator(textMaxBytes), metrics);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Timer.Sample timing = metrics.start();
    LeadEvent event = decode(record.value());
    validator.validate(record.key(), event);
    metrics.stop(timing, PipelineMetrics.STAGE_DECODE);
    context().forward(record.withValue(event));
  }

  private LeadEvent decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidLeadException(DeadLetterReason.EMPTY_RECORD, "record has no value");
    }
    try {
      return serde.decode(bytes);
    } catch (BadHeaderException e) {
      throw new InvalidLeadException(DeadLetterReason.NOT_AVRO,
          "value does not start with the Avro single-object marker C3 01", e);
    } catch (MissingSchemaException e) {
      throw new InvalidLeadException(DeadLetterReason.UNKNOWN_SCHEMA,
          "value was written with an unknown schema (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      throw new InvalidLeadException(DeadLetterReason.UNDECODABLE,
          "value is not a decodable LeadEvent: " + e.getClass().getSimpleName(), e);
    }
  }
}
