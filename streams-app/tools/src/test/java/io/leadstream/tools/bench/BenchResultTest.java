package io.leadstream.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchResultTest {

  @Test
  void shouldPairEachBurstWithTheEncoderRateMeasuredRightAfterIt() {
    // the machine slows down in round 2: both rates fall, their ratio does not
    BenchResult result =
        new BenchResult(
            4000,
            2,
            2,
            List.of(300.0, 150.0, 310.0),
            150,
            140,
            280,
            List.of(400.0, 200.0, 420.0),
            290);

    assertThat(result.pipelineLeadsPerSecond()).isEqualTo(300.0);
    assertThat(result.encoderTextsPerSecond()).isEqualTo(400.0);
    // per round 0.75, 0.75, 0.738: the median of the paired ratios, not 300 / 400 by chance
    assertThat(result.ratio()).isCloseTo(0.75, within(1e-12));
    assertThat(result.describe())
        .contains("300.0 leads/s (150.0-310.0)")
        .contains("400.0 texts/s (200.0-420.0)")
        .contains("75 % (74-75 %)");
  }

  @Test
  void shouldTakeTheMiddleOfAnEvenNumberOfRounds() {
    BenchResult result =
        new BenchResult(4000, 2, 2, List.of(100.0, 300.0), 100, 1, 2, List.of(200.0, 300.0), 1);

    assertThat(result.pipelineLeadsPerSecond()).isEqualTo(200.0);
    assertThat(result.ratio()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
  }

  @Test
  void shouldRefuseRoundsWithoutTheirEncoderRate() {
    assertThatThrownBy(() -> new BenchResult(1, 1, 1, List.of(1.0, 2.0), 1, 1, 1, List.of(1.0), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
