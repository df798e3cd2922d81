package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.registry.RegistryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;

/**
 * Decodes a raw value in Avro single-object encoding into the generated class of {@code reader},
 * strictly: every string must be valid UTF-8 and the record must end exactly where the value ends.
 * Every failure is an {@link InvalidLeadException} whose reason and detail say what is wrong, never
 * what the text says. Not thread-safe: one per processor.
 *
 * @param <T> the generated class of the reader schema
 */
public class SingleObjectDecoder<T> implements RecordDecoder<T> {

  private final BinaryMessageDecoder<T> decoder;
  private final String recordName;
  private final String furtherSchemas;

  /**
   * @param reader the app's schema of the record
   * @param writerSchemas further writer schemas ({@link WriterSchemas}), read by schema resolution
   * @param furtherSchemas where further writer schemas come from, for the detail of UNKNOWN_SCHEMA
   */
  public SingleObjectDecoder(Schema reader, List<Schema> writerSchemas, String furtherSchemas) {
    this(reader, writerSchemas, Optional.empty(), furtherSchemas);
  }

  /**
   * @param laterSchemas asked for a fingerprint none of {@code writerSchemas} has (a registry
   *     subject's newer versions)
   */
  public SingleObjectDecoder(
      Schema reader,
      List<Schema> writerSchemas,
      Optional<SchemaStore> laterSchemas,
      String furtherSchemas) {
    AvroTrust.trustSchemaPackage();
    decoder = new BinaryMessageDecoder<>(new StrictUtf8Data(), reader, laterSchemas.orElse(null));
    writerSchemas.forEach(decoder::addSchema);
    this.recordName = reader.getName();
    this.furtherSchemas = furtherSchemas;
  }

  /** The origin does not matter: an Avro record carries its own ids and time. */
  @Override
  public T decode(byte[] value, RecordOrigin origin) {
    return decode(value);
  }

  /**
   * @throws InvalidLeadException EMPTY_RECORD, NOT_AVRO, UNKNOWN_SCHEMA, BAD_UTF8 or UNDECODABLE
   */
  public T decode(byte[] value) {
    AvroReadFailures.requireValue(value);
    ByteArrayInputStream in = new ByteArrayInputStream(value);
    T record;
    try {
      record = decoder.decode(in, null);
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
              + " (hex, as after C3 01), neither the app's "
              + recordName
              + " nor one in "
              + furtherSchemas
              + "; add the producer's writer schema there",
          e);
    } catch (RegistryException e) {
      throw e; // the registry, not the record: not a dead letter
    } catch (IOException | RuntimeException e) {
      throw AvroReadFailures.unreadable(e, value.length, recordName);
    }
    if (in.available() > 0) {
      throw AvroReadFailures.trailingBytes(in.available(), value.length, recordName);
    }
    return record;
  }

  /** The 8 bytes after the C3 01 marker, in hex. */
  private static String fingerprintOf(byte[] value) {
    return HexFormat.of().formatHex(value, 2, Math.min(10, value.length));
  }
}
