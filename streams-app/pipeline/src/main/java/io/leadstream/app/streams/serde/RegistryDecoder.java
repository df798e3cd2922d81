package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.registry.ConfluentWire;
import io.leadstream.schema.registry.RegistryException;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes a raw value in the schema registry wire format (byte 0, the writer schema's 4-byte id,
 * the Avro body) into the generated class of {@code reader}, strictly as {@link
 * SingleObjectDecoder} does: the writer schema is fetched by id and read into the app's schema by
 * Avro schema resolution. A schema id the registry does not hold, or one that cannot be read as the
 * app's schema, is the record's problem (dead-lettered); a registry that cannot be reached is not,
 * and fails the task. Not thread-safe: one per processor.
 *
 * @param <T> the generated class of the reader schema
 */
public class RegistryDecoder<T> implements RecordDecoder<T> {

  /** How long an id the registry did not know is not asked for again. */
  static final Duration UNKNOWN_ID_RETRY = Duration.ofMinutes(1);

  private final SchemaRegistryClient registry;
  private final Schema reader;
  private final Map<Integer, DatumReader<T>> readers = new HashMap<>();
  private final Map<Integer, String> incompatible = new HashMap<>();
  private final Map<Integer, Long> unknownUntil = new HashMap<>();
  private BinaryDecoder reuse;

  /**
   * @param reader the app's schema of the record
   */
  public RegistryDecoder(SchemaRegistryClient registry, Schema reader) {
    AvroTrust.trustSchemaPackage();
    this.registry = registry;
    this.reader = reader;
  }

  /** The origin does not matter: an Avro record carries its own ids and time. */
  @Override
  public T decode(byte[] value, RecordOrigin origin) {
    AvroReadFailures.requireValue(value);
    if (!ConfluentWire.isFramed(value)) {
      throw new InvalidLeadException(DeadLetterReason.NOT_AVRO, notFramed(value));
    }
    int id = ConfluentWire.schemaId(value);
    DatumReader<T> datumReader = readerOf(id);
    reuse =
        DecoderFactory.get()
            .binaryDecoder(
                value,
                ConfluentWire.HEADER_BYTES,
                value.length - ConfluentWire.HEADER_BYTES,
                reuse);
    T record;
    int remaining;
    try {
      record = datumReader.read(null, reuse);
      remaining = reuse.inputStream().available();
    } catch (IOException | RuntimeException e) {
      throw AvroReadFailures.unreadable(e, value.length, reader.getName());
    }
    if (remaining > 0) {
      throw AvroReadFailures.trailingBytes(remaining, value.length, reader.getName());
    }
    return record;
  }

  private DatumReader<T> readerOf(int id) {
    DatumReader<T> known = readers.get(id);
    if (known != null) {
      return known;
    }
    String why = incompatible.get(id);
    if (why != null) {
      throw incompatible(id, why);
    }
    Long until = unknownUntil.get(id);
    if (until != null && System.nanoTime() - until < 0) {
      throw unknown(id);
    }
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (RegistryException e) {
      if (e.errorCode() == RegistryException.SCHEMA_NOT_FOUND
          || e.errorCode() == RegistryException.INVALID_SCHEMA) {
        unknownUntil.put(id, System.nanoTime() + UNKNOWN_ID_RETRY.toNanos());
        throw unknown(id);
      }
      throw e;
    }
    Optional<String> incompatibility = WriterSchemas.incompatibility(reader, writer);
    if (incompatibility.isPresent()) {
      incompatible.put(id, incompatibility.get());
      throw incompatible(id, incompatibility.get());
    }
    @SuppressWarnings("unchecked")
    DatumReader<T> created =
        (DatumReader<T>) new StrictUtf8Data().createDatumReader(writer, reader);
    readers.put(id, created);
    return created;
  }

  private InvalidLeadException unknown(int id) {
    return new InvalidLeadException(
        DeadLetterReason.UNKNOWN_SCHEMA,
        "value names schema id "
            + id
            + ", which the schema registry at "
            + registry.settings().url()
            + " does not hold as an Avro schema");
  }

  private InvalidLeadException incompatible(int id, String why) {
    return new InvalidLeadException(
        DeadLetterReason.INCOMPATIBLE_SCHEMA,
        "value was written with schema id "
            + id
            + ", which cannot be read as "
            + reader.getName()
            + ": "
            + why);
  }

  private static String notFramed(byte[] value) {
    String detail =
        "value does not start with the schema registry wire format's magic byte 0 and a 4-byte"
            + " schema id";
    if (value.length >= 2 && value[0] == (byte) 0xC3 && value[1] == 0x01) {
      return detail
          + " (it starts with C3 01: Avro single-object encoding, leadstream.input.format=avro)";
    }
    return value[0] == '{' ? detail + " (it starts with '{': JSON?)" : detail;
  }
}
