package io.leadstream.app.streams.processors;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.serde.RecordDecoder;
import io.leadstream.app.streams.serde.RecordOrigin;
import io.leadstream.app.streams.serde.StrictUtf8;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.CharacterCodingException;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes a raw input record (key and value bytes) into a record keyed by its leadId and validates
 * it. The value is decoded by the input format's {@link RecordDecoder}; the size cap, the key's
 * strict UTF-8 and the {@link RecordValidator} apply alike to every format. Anything wrong is
 * thrown as an {@link InvalidLeadException}, which the dead-letter handler turns into a dead letter
 * carrying the original bytes.
 *
 * @param <T> the generated class the value is read as
 */
public final class ParseRecordProcessor<T> extends ContextualProcessor<byte[], byte[], String, T> {

  private final RecordDecoder<T> decoder;
  private final StrictUtf8 keyDecoder = new StrictUtf8();
  private final int recordMaxBytes;
  private final RecordValidator<T> validator;
  private final PipelineMetrics metrics;

  private ParseRecordProcessor(
      int recordMaxBytes,
      RecordDecoder<T> decoder,
      RecordValidator<T> validator,
      PipelineMetrics metrics) {
    this.decoder = decoder;
    this.recordMaxBytes = recordMaxBytes;
    this.validator = validator;
    this.metrics = metrics;
  }

  /**
   * @param recordMaxBytes largest key plus value accepted; larger records are dead-lettered as
   *     RECORD_TOO_LARGE before they are decoded
   * @param decoders a new decoder of the input format, one per processor
   */
  public static <T> ProcessorSupplier<byte[], byte[], String, T> supplier(
      int recordMaxBytes,
      Supplier<? extends RecordDecoder<T>> decoders,
      RecordValidator<T> validator,
      PipelineMetrics metrics) {
    return () -> new ParseRecordProcessor<>(recordMaxBytes, decoders.get(), validator, metrics);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Timer.Sample timing = metrics.start();
    checkSize(record.key(), record.value());
    String key = decodeKey(record.key());
    T value = decoder.decode(record.value(), origin(record));
    validator.validate(key, value);
    metrics.stop(timing, PipelineMetrics.STAGE_DECODE);
    context().forward(record.withKey(key).withValue(value));
  }

  private RecordOrigin origin(Record<byte[], byte[]> record) {
    return context()
        .recordMetadata()
        .map(
            source ->
                new RecordOrigin(
                    source.topic(), source.partition(), source.offset(), record.timestamp()))
        .orElseGet(() -> RecordOrigin.unknown(record.timestamp()));
  }

  private void checkSize(byte[] key, byte[] value) {
    long size = (key == null ? 0L : key.length) + (value == null ? 0L : value.length);
    if (size > recordMaxBytes) {
      throw new InvalidLeadException(
          DeadLetterReason.RECORD_TOO_LARGE,
          "key and value are "
              + size
              + " bytes, over the cap of "
              + recordMaxBytes
              + " bytes (leadstream.record.max.bytes)");
    }
  }

  private String decodeKey(byte[] key) {
    if (key == null) {
      return null;
    }
    try {
      return keyDecoder.decode(key, key.length);
    } catch (CharacterCodingException e) {
      throw new InvalidLeadException(DeadLetterReason.BAD_UTF8, "record key is not valid UTF-8");
    }
  }
}
