package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code minilm-q} is all-MiniLM-L6-v2 with int8 weights: its embeddings point where fp32's do. */
class QuantizedMiniLmTest {

  private static final List<String> TEXTS =
      List.of(
          "Can you send us a price quote for 50 licenses?",
          "Please share pricing for fifty user licenses.",
          "I am a student writing a thesis about football clubs.",
          "Budget approved by the CFO, we want to sign before the end of the quarter.",
          "");

  @Test
  void shouldEmbedNearlyAsTheFullPrecisionModelDoes() {
    List<TextEmbedding> full = embed(NamedEncoders.named(NamedEncoders.MINILM));
    List<TextEmbedding> quantized = embed(NamedEncoders.named(NamedEncoders.MINILM_QUANTIZED));

    for (int i = 0; i < TEXTS.size(); i++) {
      float[] q = quantized.get(i).vector();
      assertThat(q).hasSize(384);
      assertThat(Math.sqrt(dot(q, q))).isCloseTo(1.0, within(1e-4));
      assertThat(dot(q, full.get(i).vector()))
          .as("cosine to fp32 of text %d", i)
          .isGreaterThan(0.9);
      assertThat(quantized.get(i).tokens()).isEqualTo(full.get(i).tokens());
    }
    double similar = dot(quantized.get(0).vector(), quantized.get(1).vector());
    double unrelated = dot(quantized.get(0).vector(), quantized.get(2).vector());
    assertThat(similar).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void shouldEmbedATextAsItWouldAloneWhateverIsBatchedWithIt() {
    String shortText = TEXTS.get(0);
    try (EncoderModel model =
            EncoderModel.load(NamedEncoders.miniLmQuantized(), ModelSource.forClasspath(""));
        TextEncoder encoder = model.newEncoder()) {
      float[] alone = encoder.embed(shortText).vector();
      float[] batched = encoder.embed(List.of(TEXTS.get(3), shortText)).get(1).vector();
      assertThat(batched).containsExactly(alone);
    }
  }

  @Test
  void shouldNameTheKnownEncoders() {
    assertThat(NamedEncoders.NAMES).containsExactly("minilm", "minilm-q", "bge-small-zh");
    assertThat(NamedEncoders.named("minilm-q").model().source())
        .endsWith("all-minilm-l6-v2-q.onnx");
    assertThatThrownBy(() -> NamedEncoders.named("gpt"))
        .hasMessage("unknown encoder 'gpt', expected one of minilm, minilm-q, bge-small-zh");
  }

  private static List<TextEmbedding> embed(EncoderSpec spec) {
    try (EncoderModel model = EncoderModel.load(spec, ModelSource.forClasspath(""));
        TextEncoder encoder = model.newEncoder()) {
      return encoder.embed(TEXTS);
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
