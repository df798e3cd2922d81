package io.leadstream.schema.kafka;

import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.registry.ConfluentWire;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Value serde for a generated Avro class in the Confluent Schema Registry wire format (magic byte
 * 0, the writer schema's registry id, the binary record), compatible with Confluent's and
 * Apicurio's (in Confluent mode) serdes. The serializer registers the class's schema under the
 * topic's TopicNameStrategy subject ({@code <topic>-value}); the deserializer fetches each writer
 * schema by id and reads it into the class by Avro schema resolution. Thread-safe.
 */
public final class RegistryAvroSerde<T> implements Serde<T> {

  private final SchemaRegistryClient registry;
  private final Schema schema;
  private final DatumWriter<T> writer;
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

  public RegistryAvroSerde(SchemaRegistryClient registry, Schema schema) {
    AvroTrust.trustSchemaPackage();
    this.registry = registry;
    this.schema = schema;
    this.writer = new SpecificDatumWriter<>(schema);
  }

  /** The TopicNameStrategy subject of a topic's values. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  /** Encodes one value for {@code topic}; {@code null} stays {@code null} (a tombstone). */
  public byte[] encode(String topic, T value) {
    if (value == null) {
      return null;
    }
    int id = registry.register(valueSubject(topic), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(ConfluentWire.header(id));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(value, encoder);
    } catch (IOException e) {
      throw new SerializationException("Cannot encode a record for topic " + topic, e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes one framed value.
   *
   * @throws SerializationException when the value is not in the wire format or not decodable
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (!ConfluentWire.isFramed(bytes)) {
      throw new SerializationException(
          "value does not start with the schema registry wire format's magic byte 0");
    }
    int id = ConfluentWire.schemaId(bytes);
    DatumReader<T> reader =
        readers.computeIfAbsent(id, i -> new SpecificDatumReader<>(registry.schemaById(i), schema));
    try {
      return reader.read(
          null,
          DecoderFactory.get()
              .binaryDecoder(
                  bytes,
                  ConfluentWire.HEADER_BYTES,
                  bytes.length - ConfluentWire.HEADER_BYTES,
                  null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot decode a value of schema id " + id, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this::encode;
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
