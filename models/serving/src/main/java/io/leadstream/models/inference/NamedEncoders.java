package io.leadstream.models.inference;

import java.util.List;

/**
 * The encoders LeadStream knows by name, each shipped inside a Maven artifact on the class path:
 * {@code minilm} (all-MiniLM-L6-v2, fp32), {@code minilm-q} (the same model quantized to int8) and
 * {@code bge-small-zh} (Chinese).
 */
public final class NamedEncoders {

  public static final String MINILM = "minilm";
  public static final String MINILM_QUANTIZED = "minilm-q";
  public static final String BGE_SMALL_ZH = "bge-small-zh";

  /** Every name {@link #named} knows. */
  public static final List<String> NAMES = List.of(MINILM, MINILM_QUANTIZED, BGE_SMALL_ZH);

  private NamedEncoders() {}

  /**
   * @throws IllegalArgumentException naming the known encoders
   */
  public static EncoderSpec named(String name) {
    return switch (name) {
      case MINILM -> miniLm();
      case MINILM_QUANTIZED -> miniLmQuantized();
      case BGE_SMALL_ZH -> bgeSmallZh();
      default ->
          throw new IllegalArgumentException(
              "unknown encoder '" + name + "', expected one of " + String.join(", ", NAMES));
    };
  }

  /** The all-MiniLM-L6-v2 encoder as shipped at the root of its langchain4j jar. */
  public static EncoderSpec miniLm() {
    return EncoderSpec.allMiniLmL6V2(
        ModelSource.describeClasspathResource("all-minilm-l6-v2.onnx"),
        ModelSource.describeClasspathResource("all-minilm-l6-v2-tokenizer.json"));
  }

  /**
   * all-MiniLM-L6-v2 with int8 weights (dynamic quantization), as shipped by langchain4j: the same
   * inputs, pooling and 384 dimensions as {@link #miniLm}, about a quarter of its size. It runs one
   * text per call: its activations are quantized with scales taken over the whole batch, so a
   * text's embedding would move with the texts beside it (cosine 0.988 measured).
   */
  public static EncoderSpec miniLmQuantized() {
    return EncoderSpec.allMiniLmL6V2(
            ModelSource.describeClasspathResource("all-minilm-l6-v2-q.onnx"),
            ModelSource.describeClasspathResource("all-minilm-l6-v2-q-tokenizer.json"))
        .withMaxBatch(1);
  }

  /**
   * The Chinese bge-small-zh-v1.5 encoder as shipped at the root of its langchain4j jar. Hashing
   * its 95 MB model file takes a moment.
   */
  public static EncoderSpec bgeSmallZh() {
    return EncoderSpec.bgeSmallZhV15(
        ModelSource.describeClasspathResource("bge-small-zh-v1.5.onnx"),
        ModelSource.describeClasspathResource("bge-small-zh-v1.5-tokenizer.json"));
  }
}
