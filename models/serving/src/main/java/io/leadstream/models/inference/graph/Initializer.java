package io.leadstream.models.inference.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A constant tensor of an ONNX graph (a {@code TensorProto}), its elements as little-endian bytes
 * whichever of ONNX's encodings the file used. One read from a file is written back as it was.
 */
final class Initializer {

  static final int FLOAT = 1;
  static final int UINT8 = 2;
  static final int INT8 = 3;
  static final int INT32 = 6;
  static final int INT64 = 7;

  // TensorProto field numbers (onnx.proto)
  private static final int DIMS = 1;
  private static final int DATA_TYPE = 2;
  private static final int FLOAT_DATA = 4;
  private static final int INT32_DATA = 5;
  private static final int INT64_DATA = 7;
  private static final int NAME = 8;
  private static final int RAW_DATA = 9;
  private static final int DATA_LOCATION = 14;

  private final String name;
  private final int dataType;
  private final long[] dims;
  private final ProtoMessage proto;

  private Initializer(String name, int dataType, long[] dims, ProtoMessage proto) {
    this.name = name;
    this.dataType = dataType;
    this.dims = dims;
    this.proto = proto;
  }

  static Initializer parse(ProtoMessage proto) {
    long[] dims = proto.varints(DIMS).stream().mapToLong(Long::longValue).toArray();
    return new Initializer(proto.string(NAME), (int) proto.varint(DATA_TYPE, 0), dims, proto);
  }

  /** A new tensor of {@code data}, elements little-endian. */
  static Initializer of(String name, int dataType, long[] dims, byte[] data) {
    List<ProtoMessage.Field> fields = new ArrayList<>();
    for (long dim : dims) {
      fields.add(ProtoMessage.varintField(DIMS, dim));
    }
    fields.add(ProtoMessage.varintField(DATA_TYPE, dataType));
    fields.add(ProtoMessage.stringField(NAME, name));
    fields.add(ProtoMessage.bytesField(RAW_DATA, ByteBuffer.wrap(data)));
    return new Initializer(name, dataType, dims.clone(), new ProtoMessage(fields));
  }

  String name() {
    return name;
  }

  int dataType() {
    return dataType;
  }

  long[] dims() {
    return dims.clone();
  }

  long elements() {
    return Arrays.stream(dims).reduce(1, Math::multiplyExact);
  }

  /**
   * The elements as little-endian bytes, or empty when they are not in the file itself (external
   * data) or of a type read here.
   */
  Optional<ByteBuffer> data() {
    if (proto.varint(DATA_LOCATION, 0) != 0) {
      return Optional.empty();
    }
    List<ProtoMessage.Field> raw = proto.all(RAW_DATA);
    if (!raw.isEmpty()) {
      return Optional.of(raw.get(raw.size() - 1).bytes().duplicate());
    }
    int elementSize = elementSize(dataType);
    if (elementSize == 0) {
      return Optional.empty();
    }
    ByteBuffer out =
        ByteBuffer.allocate(Math.toIntExact(elements() * elementSize))
            .order(ByteOrder.LITTLE_ENDIAN);
    switch (dataType) {
      case FLOAT -> proto.floats(FLOAT_DATA).forEach(out::putFloat);
      case INT64 -> proto.varints(INT64_DATA).forEach(out::putLong);
      case INT32 -> proto.varints(INT32_DATA).forEach(v -> out.putInt(v.intValue()));
      default -> proto.varints(INT32_DATA).forEach(v -> out.put(v.byteValue()));
    }
    return out.position() == out.capacity() ? Optional.of(out.flip()) : Optional.empty();
  }

  /** The elements of an int64 tensor, or empty for another type or unreadable data. */
  Optional<long[]> longs() {
    if (dataType != INT64) {
      return Optional.empty();
    }
    return data()
        .map(
            d -> {
              long[] values = new long[d.remaining() / Long.BYTES];
              d.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
              return values;
            });
  }

  /** The elements of a float tensor, or empty for another type or unreadable data. */
  Optional<float[]> floats() {
    if (dataType != FLOAT) {
      return Optional.empty();
    }
    return data()
        .map(
            d -> {
              float[] values = new float[d.remaining() / Float.BYTES];
              d.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
              return values;
            });
  }

  ProtoMessage proto() {
    return proto;
  }

  static int elementSize(int dataType) {
    return switch (dataType) {
      case FLOAT, INT32 -> 4;
      case INT64 -> 8;
      case INT8, UINT8 -> 1;
      default -> 0;
    };
  }
}
