package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

  private static EncoderModel model;
  private static TextEncoder encoder;

  @BeforeAll
  static void loadMiniLm() {
    model = EncoderModel.load(MiniLm.spec(), ModelSource.forClasspath(""));
    encoder = model.newEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
    model.close();
  }

  @Test
  void shouldIgnorePaddingWhenPooling() {
    String shortText = "Please send a quote for 40 seats.";
    String longText =
        "We met at the trade show in Berlin and talked about their warehouse planning. "
            + "The operations director wants to replace three spreadsheets with one system, "
            + "needs approval from finance and asked for references from logistics customers "
            + "of a similar size before the budget meeting next quarter.";

    float[] alone = encoder.embed(shortText).vector();
    List<TextEmbedding> batch = encoder.embed(List.of(longText, shortText));

    assertThat(batch.get(0).tokens()).isGreaterThan(batch.get(1).tokens() * 3);
    float[] padded = batch.get(1).vector();
    for (int d = 0; d < alone.length; d++) {
      assertThat(padded[d]).isCloseTo(alone[d], within(1e-4f));
    }
  }

  @Test
  void shouldPlaceSimilarTextsCloserThanUnrelatedOnes() {
    List<TextEmbedding> vectors =
        encoder.embed(
            List.of(
                "Can you send us a price quote for 50 licenses?",
                "Please share pricing for fifty user licenses.",
                "I am a student writing a thesis about football clubs."));

    double similar = dot(vectors.get(0).vector(), vectors.get(1).vector());
    double unrelated = dot(vectors.get(0).vector(), vectors.get(2).vector());

    assertThat(similar).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void shouldReturnUnitNormEmbeddingsOfTheManifestDimension() {
    List<TextEmbedding> vectors =
        encoder.embed(List.of("", "hello", "Budget approved, sign Monday."));

    assertThat(vectors)
        .allSatisfy(
            v -> {
              assertThat(v.vector()).hasSize(384);
              assertThat(Math.sqrt(dot(v.vector(), v.vector()))).isCloseTo(1.0, within(1e-4));
            });
  }

  @Test
  void shouldCountUnknownTokens() {
    TextEmbedding english = encoder.embed("We would like a demo next week.");
    TextEmbedding chinese = encoder.embed("我们想下周看演示");

    assertThat(english.unknownTokenRatio()).isZero();
    assertThat(chinese.unknownTokenRatio()).isGreaterThan(0.0);
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
