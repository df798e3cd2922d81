package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;

/**
 * Decodes a raw {@code leads.raw} value (Avro single-object encoding) into a {@link LeadEvent},
 * strictly: every string must be valid UTF-8 and the record must end exactly where the value ends.
 * Every failure is an {@link InvalidLeadException} whose reason and detail say what is wrong, never
 * what the text says. Not thread-safe: one per processor.
 */
public final class LeadEventDecoder implements LeadDecoder {

  private final BinaryMessageDecoder<LeadEvent> decoder;

  public LeadEventDecoder() {
    this(List.of());
  }

  /**
   * @param writerSchemas further LeadEvent writer schemas ({@link WriterSchemas}), read by schema
   *     resolution
   */
  public LeadEventDecoder(List<Schema> writerSchemas) {
    AvroTrust.trustSchemaPackage();
    decoder = new BinaryMessageDecoder<>(new StrictUtf8Data(), LeadEvent.getClassSchema());
    writerSchemas.forEach(decoder::addSchema);
  }

  /** The origin does not matter: an Avro LeadEvent carries its own ids and time. */
  @Override
  public LeadEvent decode(byte[] value, RecordOrigin origin) {
    return decode(value);
  }

  /**
   * @throws InvalidLeadException EMPTY_RECORD, NOT_AVRO, UNKNOWN_SCHEMA, BAD_UTF8 or UNDECODABLE
   */
  public LeadEvent decode(byte[] value) {
    AvroReadFailures.requireValue(value);
    ByteArrayInputStream in = new ByteArrayInputStream(value);
    LeadEvent event;
    try {
      event = decoder.decode(in, null);
    } catch (BadHeaderException e) {
      throw new InvalidLeadException(
          DeadLetterReason.NOT_AVRO,
          "value does not start with the Avro single-object marker C3 01",
          e);
    } catch (MissingSchemaException e) {
      throw new InvalidLeadException(
          DeadLetterReason.UNKNOWN_SCHEMA,
          "value was written with a schema of fingerprint "
              + fingerprintOf(value)
              + " (hex, as after C3 01), neither the app's LeadEvent nor one in "
              + "leadstream.input.schemas or the registry; add the producer's writer schema there",
          e);
    } catch (IOException | RuntimeException e) {
      throw AvroReadFailures.unreadable(e, value.length);
    }
    if (in.available() > 0) {
      throw AvroReadFailures.trailingBytes(in.available(), value.length);
    }
    return event;
  }

  /** The 8 bytes after the C3 01 marker, in hex. */
  private static String fingerprintOf(byte[] value) {
    return HexFormat.of().formatHex(value, 2, Math.min(10, value.length));
  }
}
