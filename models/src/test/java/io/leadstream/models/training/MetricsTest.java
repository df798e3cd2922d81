package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void shouldGiveAucOneForPerfectRankingAndZeroForReversed() {
    boolean[] labels = {F, F, T, T};

    assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
    assertThat(Metrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
  }

  @Test
  void shouldCountTiesAsHalfInAuc() {
    assertThat(Metrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {F, T, F, T}))
        .isEqualTo(0.5);
    // pairs (pos, neg): (0.8,0.1) win, (0.8,0.4) win, (0.4,0.1) win, (0.4,0.4) tie -> 3.5 / 4
    assertThat(Metrics.auc(new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {F, F, T, T}))
        .isEqualTo(0.875);
  }

  @Test
  void shouldComputeAveragePrecision() {
    assertThat(Metrics.prAuc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {F, F, T, T}))
        .isEqualTo(1.0);
    // ranked: 0.9 T (P=1), 0.8 F, 0.7 T (P=2/3) -> (1 + 2/3) / 2
    assertThat(Metrics.prAuc(new double[] {0.9, 0.8, 0.7}, new boolean[] {T, F, T}))
        .isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void shouldComputeLogLossBrierAndBaseRate() {
    double[] predicted = {0.8, 0.4};
    boolean[] labels = {T, F};

    assertThat(Metrics.logLoss(predicted, labels))
        .isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-12));
    assertThat(Metrics.brier(predicted, labels)).isCloseTo((0.04 + 0.16) / 2, within(1e-12));
    assertThat(Metrics.baseRate(labels)).isEqualTo(0.5);
  }
}
