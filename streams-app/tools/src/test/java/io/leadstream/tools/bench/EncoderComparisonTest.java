package io.leadstream.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.TextEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real fp32 and int8 MiniLM on a few texts, and a small real GEMM: seconds, not a bench. */
class EncoderComparisonTest {

  private static final List<String> TEXTS =
      List.of(
          "Asked for a quote for 40 seats, decision this quarter.",
          "Just browsing.",
          "Budget approved; wants a demo with the CTO next Tuesday and a pilot in May.",
          "Unsubscribe me.");

  @Test
  void shouldRateEachEncoderInEveryPassAndCountTheTokensItsTokenizerReads() throws Exception {
    List<String> logged = new ArrayList<>();

    List<EncoderRate> rates =
        EncoderComparison.run(List.of("minilm", "minilm-q"), TEXTS, 2, 2, logged::add);

    assertThat(rates).extracting(EncoderRate::encoder).containsExactly("minilm", "minilm-q");
    assertThat(logged)
        .containsExactly(
            "encoders compared, pass 1 of 2: minilm alone on 4 texts (2 parallel callers)",
            "encoders compared, pass 1 of 2: minilm-q alone on 4 texts (2 parallel callers)",
            "encoders compared, pass 2 of 2: minilm-q alone on 4 texts (2 parallel callers)",
            "encoders compared, pass 2 of 2: minilm alone on 4 texts (2 parallel callers)");
    List<Integer> tokens = miniLmTokens();
    for (EncoderRate rate : rates) {
      assertThat(rate.passes()).hasSize(2).allSatisfy(r -> assertThat(r).isPositive());
      assertThat(rate.meanTokens())
          .isEqualTo(tokens.stream().mapToInt(Integer::intValue).average().orElseThrow());
      assertThat(rate.flopsPerText()).hasValue(EncoderFlops.MINILM_L6.meanPerText(tokens));
    }
  }

  @Test
  void shouldReadEachSliceOnceInEachOrderWhenThereAreMorePasses() throws Exception {
    List<String> logged = new ArrayList<>();

    List<EncoderRate> rates =
        EncoderComparison.run(List.of("minilm", "minilm-q"), TEXTS, 1, 4, logged::add);

    // two slices of two texts: slice 1 forward, slice 2 reversed, then each in the other order
    assertThat(logged)
        .containsExactly(
            "encoders compared, pass 1 of 4: minilm alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 1 of 4: minilm-q alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 2 of 4: minilm-q alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 2 of 4: minilm alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 3 of 4: minilm-q alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 3 of 4: minilm alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 4 of 4: minilm alone on 2 texts (1 parallel callers)",
            "encoders compared, pass 4 of 4: minilm-q alone on 2 texts (1 parallel callers)");
    List<Integer> tokens = miniLmTokens();
    for (EncoderRate rate : rates) {
      assertThat(rate.passes()).hasSize(4).allSatisfy(r -> assertThat(r).isPositive());
      assertThat(rate.meanTokens())
          .as("every text counted once the slices are read")
          .isEqualTo(tokens.stream().mapToInt(Integer::intValue).average().orElseThrow());
    }
  }

  @Test
  void shouldMeasureTheGemmRateOfAllCallersTogether() throws Exception {
    GemmRate gemm = GemmRate.measure("8x16x32", 2, Duration.ofMillis(50), Duration.ofMillis(200));

    assertThat(gemm.shape()).isEqualTo("8x16x32");
    assertThat(gemm.callers()).isEqualTo(2);
    assertThat(gemm.gflopsPerSecond()).isPositive();
  }

  /** Each text's tokens as fp32 MiniLM reads it alone (the int8 model has the same tokenizer). */
  private static List<Integer> miniLmTokens() {
    try (EncoderModel model = EncoderChoice.load("minilm");
        TextEncoder encoder = model.newEncoder()) {
      return TEXTS.stream().map(text -> encoder.embed(text).tokens()).toList();
    }
  }
}
