package io.leadstream.schema.kafka;

import io.leadstream.schema.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for a generated Avro class in Avro single-object encoding (header C3 01, the writer
 * schema's 8-byte fingerprint, then the binary record): self-describing without a schema registry.
 */
public final class SingleObjectSerde<T> implements Serde<T> {

  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public SingleObjectSerde(BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
    AvroTrust.trustSchemaPackage();
    this.encoder = encoder;
    this.decoder = decoder;
  }

  /** Encodes one record; {@code null} stays {@code null} (a tombstone). */
  public byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(value);
      return Arrays.copyOfRange(
          buffer.array(),
          buffer.arrayOffset() + buffer.position(),
          buffer.arrayOffset() + buffer.limit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes one record.
   *
   * @throws IOException or an Avro runtime exception when the bytes are not a record of this schema
   */
  public T decode(byte[] bytes) throws IOException {
    return bytes == null ? null : decoder.decode(bytes);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      try {
        return decode(bytes);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("Cannot decode a record of topic " + topic, e);
      }
    };
  }
}
