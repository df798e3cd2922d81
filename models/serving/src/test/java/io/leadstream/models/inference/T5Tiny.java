package io.leadstream.models.inference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The tiny T5-shaped fixtures that models/flan-t5/make_fixtures.py writes to the class-path folder
 * {@code t5-tiny/}: manifest sections and the Python reference values.
 */
final class T5Tiny {
  static final String FOLDER = "t5-tiny";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private T5Tiny() {}

  /** The manifest {@code encoder} section for the TorchScript encoder (engine PyTorch). */
  static EncoderSpec pytorchSpec() {
    return read("encoder-pytorch.json", EncoderSpec.class);
  }

  /** The manifest {@code encoder} section for the ONNX encoder (engine OnnxRuntime). */
  static EncoderSpec onnxSpec() {
    return read("encoder-onnx.json", EncoderSpec.class);
  }

  static JsonNode reference() {
    return read("reference.json", JsonNode.class);
  }

  static <T> T read(String name, Class<T> type) {
    try (InputStream in = T5Tiny.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException(FOLDER + "/" + name + " missing: run make_fixtures.py");
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }

  static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    return max;
  }
}
