package io.leadstream.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.bundle.DriftReference.Kind;
import io.leadstream.models.bundle.DriftReference.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

  @Test
  void shouldBeZeroForTheSameShares() {
    double[] shares = {0.1, 0.2, 0.3, 0.4};

    assertThat(PopulationStability.psi(shares, shares.clone())).isZero();
  }

  @Test
  void shouldSumTheTermsOfEachBin() {
    double[] expected = {0.25, 0.25, 0.25, 0.25};
    double[] actual = {0.10, 0.20, 0.30, 0.40};
    double byHand =
        (0.10 - 0.25) * Math.log(0.10 / 0.25)
            + (0.20 - 0.25) * Math.log(0.20 / 0.25)
            + (0.30 - 0.25) * Math.log(0.30 / 0.25)
            + (0.40 - 0.25) * Math.log(0.40 / 0.25);

    assertThat(PopulationStability.psi(expected, actual)).isCloseTo(byHand, within(1e-12));
    assertThat(byHand).isCloseTo(0.2282, within(1e-4));
    assertThat(PopulationStability.psi(actual, expected))
        .as("symmetric")
        .isCloseTo(byHand, within(1e-12));
  }

  @Test
  void shouldFloorAnEmptyBinAtEpsilon() {
    double[] expected = {0.5, 0.5, 0.0};
    double[] actual = {0.4, 0.5, 0.1};
    double e = PopulationStability.EPSILON;
    double byHand = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.1 - e) * Math.log(0.1 / e);

    assertThat(PopulationStability.psi(expected, actual)).isCloseTo(byHand, within(1e-12));
    assertThat(byHand).isCloseTo(0.7124, within(1e-4));
    assertThat(PopulationStability.psi(new double[] {1, 0}, new double[] {1, 0}))
        .as("a bin empty on both sides adds nothing")
        .isZero();
  }

  @Test
  void shouldReadTheUsualThresholds() {
    assertThat(PopulationStability.reading(0.05)).isEqualTo("stable");
    assertThat(PopulationStability.reading(0.1)).isEqualTo("moderate shift");
    assertThat(PopulationStability.reading(0.25)).isEqualTo("moderate shift");
    assertThat(PopulationStability.reading(0.26)).isEqualTo("major shift");
  }

  @Test
  void shouldRefuseDifferentBins() {
    assertThatThrownBy(() -> PopulationStability.psi(new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 expected, 3 actual");
  }

  @Test
  void shouldCompareLiveValuesWithTheReferenceBins() {
    Quantity reference =
        new Quantity(Kind.SCORE, "score", List.of(10.0, 20.0), List.of(0.5, 0.25, 0.25), 0.0);
    double[] live = {5, 10, 15, 15, 25, Double.NaN};

    QuantityDrift drift = PopulationStability.compare(reference, live);

    assertThat(drift.liveCount()).isEqualTo(6);
    assertThat(drift.bins())
        .extracting(QuantityDrift.BinShares::bin)
        .containsExactly("<= 10", "(10, 20]", "> 20", "missing");
    assertThat(drift.bins())
        .extracting(QuantityDrift.BinShares::live)
        .containsExactly(2 / 6.0, 2 / 6.0, 1 / 6.0, 1 / 6.0);
    assertThat(drift.psi())
        .isEqualTo(
            PopulationStability.psi(
                new double[] {0.5, 0.25, 0.25, 0},
                new double[] {2 / 6.0, 2 / 6.0, 1 / 6.0, 1 / 6.0}));
    assertThat(drift.mostMoved().bin()).isIn("<= 10", "missing");
  }
}
