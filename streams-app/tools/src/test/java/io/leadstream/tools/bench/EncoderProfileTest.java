package io.leadstream.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.tools.bench.OperatorProfile.OperatorTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's profile of the real MiniLM encoders: every call counted, the operators summed by
 * type, and the int8 encoder running integer matrix products where fp32 runs float ones.
 */
class EncoderProfileTest {

  private static final List<String> TEXTS =
      List.of(
          "Budget approved, they want a quote for 200 seats.",
          "Student project, collecting brochures.",
          "Please send the contract draft before Friday.");

  @TempDir Path folder;

  @Test
  void shouldProfileEveryCallOfTheFullPrecisionAndTheInt8Encoder() {
    List<Integer> progress = new ArrayList<>();
    EncoderProfile.Profiled fp32 = EncoderProfile.run("minilm", TEXTS, folder, progress::add);
    EncoderProfile.Profiled int8 = EncoderProfile.run("minilm-q", TEXTS, folder, done -> {});
    EncoderProfile.Profiled exported =
        EncoderProfile.run("minilm-q:unfused", TEXTS, folder, done -> {});

    assertThat(progress).containsExactly(1, 2, 3);
    assertThat(fp32.meanTokens()).isBetween(8.0, 16.0);
    for (EncoderProfile.Profiled profiled : List.of(fp32, int8, exported)) {
      OperatorProfile profile = profiled.operators();
      assertThat(profile.calls()).as("the texts' calls and the load's").isGreaterThanOrEqualTo(3);
      assertThat(profile.matrixProductMicrosPerCall())
          .isPositive()
          .isLessThan(profile.microsPerCall());
      assertThat(profile.operators()).extracting(OperatorTime::type).contains("LayerNormalization");
    }
    assertThat(types(fp32)).contains("MatMul", "Attention").doesNotContain("MatMulIntegerToFloat");
    assertThat(types(int8)).contains("QAttention", "DynamicQuantizeMatMul");
    assertThat(types(exported)).contains("MatMulIntegerToFloat", "DynamicQuantizeMatMul");
    assertThat(exported.operators().operators())
        .extracting(OperatorTime::type)
        .contains("Softmax", "Transpose");
  }

  private static List<String> types(EncoderProfile.Profiled profiled) {
    return profiled.operators().operators().stream()
        .filter(OperatorTime::isMatrixProduct)
        .map(OperatorTime::type)
        .toList();
  }
}
