package io.leadstream.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionFitTest {

  @Test
  void shouldComputeMseAndR2() {
    double[] actual = {1, 2, 3, 4};
    double[] predicted = {1.5, 2, 2.5, 4};

    // squared errors 0.25, 0, 0.25, 0; SStot = 2.25 + 0.25 + 0.25 + 2.25 = 5
    assertThat(RegressionFit.mse(predicted, actual)).isCloseTo(0.125, within(1e-12));
    assertThat(RegressionFit.r2(predicted, actual)).isCloseTo(1 - 0.5 / 5, within(1e-12));
    assertThat(RegressionFit.r2(actual, actual)).isEqualTo(1.0);
    assertThat(RegressionFit.r2(new double[] {2.5, 2.5, 2.5, 2.5}, actual)).isEqualTo(0.0);
    assertThat(RegressionFit.r2(predicted, new double[] {2, 2, 2, 2})).isNaN();
  }
}
