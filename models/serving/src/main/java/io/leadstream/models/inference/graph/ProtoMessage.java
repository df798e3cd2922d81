package io.leadstream.models.inference.graph;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol buffer message read at the wire level: its fields in their order, length-delimited
 * ones as slices of the input (a model's weights are not copied). Enough to edit an ONNX graph
 * without generated classes: whatever is not edited is written back byte for byte.
 */
final class ProtoMessage {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int BYTES = 2;
  static final int FIXED32 = 5;

  /**
   * One field: {@code value} for varint and fixed wire types, {@code bytes} for length-delimited.
   */
  record Field(int number, int wireType, long value, ByteBuffer bytes) {

    String string() {
      return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    ProtoMessage message() {
      return parse(bytes);
    }
  }

  private final List<Field> fields;

  ProtoMessage(List<Field> fields) {
    this.fields = new ArrayList<>(fields);
  }

  static ProtoMessage parse(ByteBuffer input) {
    ByteBuffer in = input.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    List<Field> fields = new ArrayList<>();
    while (in.hasRemaining()) {
      long tag = readVarint(in);
      int number = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      switch (wireType) {
        case VARINT -> fields.add(new Field(number, wireType, readVarint(in), null));
        case FIXED64 -> fields.add(new Field(number, wireType, in.getLong(), null));
        case FIXED32 -> fields.add(new Field(number, wireType, in.getInt() & 0xFFFFFFFFL, null));
        case BYTES -> {
          int length = Math.toIntExact(readVarint(in));
          ByteBuffer slice = in.slice().limit(length);
          in.position(in.position() + length);
          fields.add(new Field(number, wireType, 0, slice));
        }
        default ->
            throw new IllegalArgumentException(
                "not a protocol buffer: wire type " + wireType + " at byte " + in.position());
      }
    }
    return new ProtoMessage(fields);
  }

  List<Field> fields() {
    return fields;
  }

  List<Field> all(int number) {
    return fields.stream().filter(f -> f.number() == number).toList();
  }

  String string(int number) {
    return fields.stream()
        .filter(f -> f.number() == number)
        .reduce((first, last) -> last)
        .map(Field::string)
        .orElse("");
  }

  List<String> strings(int number) {
    return all(number).stream().map(Field::string).toList();
  }

  /** The last value of a varint field (protobuf's rule for a repeated singular field), or else. */
  long varint(int number, long orElse) {
    return fields.stream()
        .filter(f -> f.number() == number && f.wireType() == VARINT)
        .reduce((first, last) -> last)
        .map(Field::value)
        .orElse(orElse);
  }

  /** Varint values of a repeated field, packed or not. */
  List<Long> varints(int number) {
    List<Long> values = new ArrayList<>();
    for (Field f : all(number)) {
      if (f.wireType() == VARINT) {
        values.add(f.value());
      } else if (f.wireType() == BYTES) {
        ByteBuffer packed = f.bytes().duplicate();
        while (packed.hasRemaining()) {
          values.add(readVarint(packed));
        }
      }
    }
    return values;
  }

  /** Float values of a repeated float field, packed or not. */
  List<Float> floats(int number) {
    List<Float> values = new ArrayList<>();
    for (Field f : all(number)) {
      if (f.wireType() == FIXED32) {
        values.add(Float.intBitsToFloat((int) f.value()));
      } else if (f.wireType() == BYTES) {
        ByteBuffer packed = f.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        while (packed.hasRemaining()) {
          values.add(packed.getFloat());
        }
      }
    }
    return values;
  }

  /** This message with every field of {@code number} replaced by these, where the first one was. */
  ProtoMessage with(int number, List<Field> replacement) {
    List<Field> edited = new ArrayList<>();
    boolean placed = false;
    for (Field f : fields) {
      if (f.number() != number) {
        edited.add(f);
      } else if (!placed) {
        edited.addAll(replacement);
        placed = true;
      }
    }
    if (!placed) {
      edited.addAll(replacement);
    }
    return new ProtoMessage(edited);
  }

  static Field varintField(int number, long value) {
    return new Field(number, VARINT, value, null);
  }

  static Field floatField(int number, float value) {
    return new Field(number, FIXED32, Float.floatToRawIntBits(value) & 0xFFFFFFFFL, null);
  }

  static Field bytesField(int number, ByteBuffer bytes) {
    return new Field(number, BYTES, 0, bytes);
  }

  static Field stringField(int number, String value) {
    return bytesField(number, ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
  }

  static Field messageField(int number, ProtoMessage message) {
    return bytesField(number, ByteBuffer.wrap(message.toBytes()));
  }

  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Field f : fields) {
      writeVarint(out, ((long) f.number() << 3) | f.wireType());
      switch (f.wireType()) {
        case VARINT -> writeVarint(out, f.value());
        case FIXED64 -> writeLittleEndian(out, f.value(), 8);
        case FIXED32 -> writeLittleEndian(out, f.value(), 4);
        default -> {
          ByteBuffer bytes = f.bytes().duplicate();
          writeVarint(out, bytes.remaining());
          if (bytes.hasArray()) {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
          } else {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            out.write(copy, 0, copy.length);
          }
        }
      }
    }
    return out.toByteArray();
  }

  private static long readVarint(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("not a protocol buffer: varint longer than 10 bytes");
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  private static void writeLittleEndian(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }
}
