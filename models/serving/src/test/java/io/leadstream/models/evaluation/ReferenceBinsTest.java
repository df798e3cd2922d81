package io.leadstream.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.bundle.DriftReference.Kind;
import io.leadstream.models.bundle.DriftReference.Quantity;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReferenceBinsTest {

  @Test
  void shouldCutManyDistinctValuesAtTheirDeciles() {
    double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    Quantity quantity = ReferenceBins.of(Kind.SCORE, "score", values);

    assertThat(quantity.edges())
        .containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0);
    assertThat(quantity.shares()).hasSize(10).allSatisfy(s -> assertThat(s).isEqualTo(0.1));
    assertThat(quantity.missing()).isZero();
    assertThat(PopulationStability.psi(quantity.expected(), ReferenceBins.shares(quantity, values)))
        .isZero();
  }

  @Test
  void shouldMergeTiedDecilesAndKeepTheMissingApart() {
    // 60 zeros, 30 distinct values, 10 missing
    double[] values = new double[100];
    for (int k = 60; k < 90; k++) {
      values[k] = k;
    }
    for (int k = 90; k < 100; k++) {
      values[k] = Double.NaN;
    }

    Quantity quantity = ReferenceBins.of(Kind.FEATURE, "budget", values);

    assertThat(quantity.edges().get(0)).isZero();
    assertThat(quantity.edges()).doesNotHaveDuplicates().isSorted();
    assertThat(quantity.shares().get(0)).isCloseTo(0.6, within(1e-12));
    assertThat(quantity.missing()).isCloseTo(0.1, within(1e-12));
    assertThat(quantity.shares().stream().mapToDouble(Double::doubleValue).sum() + 0.1)
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void shouldGiveEachOfFewValuesABinOfItsOwn() {
    double[] flags = {0, 1, 1, 1, Double.NaN};

    Quantity quantity = ReferenceBins.of(Kind.FEATURE, "decision_maker", flags);

    assertThat(quantity.edges()).containsExactly(0.0);
    assertThat(quantity.shares()).containsExactly(0.2, 0.6);
    assertThat(quantity.missing()).isEqualTo(0.2);
    assertThat(quantity.binLabel(0)).isEqualTo("<= 0");
    assertThat(quantity.binLabel(1)).isEqualTo("> 0");
    assertThat(quantity.binLabel(2)).isEqualTo("missing");
  }

  @Test
  void shouldPutEveryValueInOneBinWhenAllAreEqual() {
    Quantity quantity =
        ReferenceBins.of(Kind.OPPORTUNITY_PROBABILITY, "p", new double[] {0.3, 0.3});

    assertThat(quantity.edges()).isEmpty();
    assertThat(quantity.shares()).containsExactly(1.0);
    assertThat(quantity.bin(0.9)).isZero();
  }
}
