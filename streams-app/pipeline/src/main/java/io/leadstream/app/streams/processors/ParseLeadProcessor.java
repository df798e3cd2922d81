package io.leadstream.app.streams.processors;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.serde.LeadDecoder;
import io.leadstream.app.streams.serde.LeadEventDecoder;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * The parse step of {@code leads.raw}: a {@link ParseRecordProcessor} of {@link LeadEvent}s,
 * decoded by the input format's {@link LeadDecoder} (Avro, or a CRM's JSON through a mapping) and
 * checked by {@link LeadValidator}.
 */
public final class ParseLeadProcessor {

  private ParseLeadProcessor() {}

  /**
   * Avro single-object input.
   *
   * @param recordMaxBytes largest key plus value accepted; larger records are dead-lettered as
   *     RECORD_TOO_LARGE before they are decoded
   * @param writerSchemas further LeadEvent writer schemas producers may use
   */
  public static ProcessorSupplier<byte[], byte[], String, LeadEvent> supplier(
      int recordMaxBytes, int textMaxBytes, List<Schema> writerSchemas, PipelineMetrics metrics) {
    return supplier(
        recordMaxBytes, textMaxBytes, () -> new LeadEventDecoder(writerSchemas), metrics);
  }

  /**
   * Input in any format.
   *
   * @param recordMaxBytes largest key plus value accepted; larger records are dead-lettered as
   *     RECORD_TOO_LARGE before they are decoded
   * @param decoders a new decoder of the input format, one per processor
   */
  public static ProcessorSupplier<byte[], byte[], String, LeadEvent> supplier(
      int recordMaxBytes,
      int textMaxBytes,
      Supplier<LeadDecoder> decoders,
      PipelineMetrics metrics) {
    return ParseRecordProcessor.supplier(
        recordMaxBytes, decoders, new LeadValidator(textMaxBytes), metrics);
  }
}
