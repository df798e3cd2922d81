package io.leadstream.models.inference;

/** The MiniLM encoder spec, described from the jar on the test class path. */
final class MiniLm {
  private static EncoderSpec spec;

  private MiniLm() {}

  static synchronized EncoderSpec spec() {
    if (spec == null) {
      spec =
          EncoderSpec.allMiniLmL6V2(
              ModelSource.describeClasspathResource("all-minilm-l6-v2.onnx"),
              ModelSource.describeClasspathResource("all-minilm-l6-v2-tokenizer.json"));
    }
    return spec;
  }
}
