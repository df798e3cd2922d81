package io.leadstream.schema.registry;

import java.nio.ByteBuffer;

/**
 * The Confluent Schema Registry wire format: magic byte 0, the writer schema's registry id as a
 * 4-byte big-endian integer, then the Avro binary body.
 */
public final class ConfluentWire {

  public static final byte MAGIC = 0;

  /** Magic byte plus schema id. */
  public static final int HEADER_BYTES = 1 + Integer.BYTES;

  private ConfluentWire() {}

  /** Whether the value is long enough to be framed and starts with the magic byte. */
  public static boolean isFramed(byte[] value) {
    return value != null && value.length >= HEADER_BYTES && value[0] == MAGIC;
  }

  /** The schema id of a framed value; check {@link #isFramed} first. */
  public static int schemaId(byte[] value) {
    return ByteBuffer.wrap(value, 1, Integer.BYTES).getInt();
  }

  /** The header of a value written with schema {@code id}. */
  public static byte[] header(int id) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(id).array();
  }
}
