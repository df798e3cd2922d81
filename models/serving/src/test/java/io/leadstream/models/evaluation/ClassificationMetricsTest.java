package io.leadstream.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void shouldGiveAucOneForPerfectRankingAndZeroForReversed() {
    boolean[] labels = {F, F, T, T};

    assertThat(ClassificationMetrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
    assertThat(ClassificationMetrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
  }

  @Test
  void shouldCountTiesAsHalfInAuc() {
    assertThat(
            ClassificationMetrics.auc(
                new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {F, T, F, T}))
        .isEqualTo(0.5);
    // pairs (pos, neg): (0.8,0.1) win, (0.8,0.4) win, (0.4,0.1) win, (0.4,0.4) tie -> 3.5 / 4
    assertThat(
            ClassificationMetrics.auc(
                new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {F, F, T, T}))
        .isEqualTo(0.875);
  }

  @Test
  void shouldGiveTheDeLongIntervalOfTheAuc() {
    // positives 0.35, 0.8 beat 1/2 and 2/2 negatives; negatives 0.1, 0.4 lose to 2/2 and 1/2:
    // variance 0.125 / 2 + 0.125 / 2, so AUC 0.75 +- 1.96 * sqrt(0.125)
    Interval interval =
        ClassificationMetrics.aucInterval(
            new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T});

    assertThat(interval.low()).isCloseTo(0.75 - 1.959964 * Math.sqrt(0.125), within(1e-6));
    assertThat(interval.high()).isEqualTo(1.0);
  }

  @Test
  void shouldMatchTheDeLongDefinitionOnTiedRandomDataAndShrinkWithMoreLeads() {
    Random random = new Random(4);
    double[] p = new double[300];
    boolean[] y = new boolean[300];
    for (int k = 0; k < p.length; k++) {
      y[k] = random.nextDouble() < 0.3;
      p[k] = Math.round((random.nextDouble() + (y[k] ? 0.3 : 0)) * 20) / 20.0;
    }
    // the structural components by their definition, pair by pair
    List<Double> v10 = new ArrayList<>();
    List<Double> v01 = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      double sum = 0;
      int count = 0;
      for (int j = 0; j < p.length; j++) {
        if (y[i] != y[j]) {
          double pos = y[i] ? p[i] : p[j];
          double neg = y[i] ? p[j] : p[i];
          sum += pos > neg ? 1 : pos == neg ? 0.5 : 0;
          count++;
        }
      }
      (y[i] ? v10 : v01).add(sum / count);
    }
    double auc = ClassificationMetrics.auc(p, y);
    double variance = variance(v10) / v10.size() + variance(v01) / v01.size();

    Interval interval = ClassificationMetrics.aucInterval(p, y);

    assertThat(interval.low()).isCloseTo(auc - 1.959964 * Math.sqrt(variance), within(1e-6));
    assertThat(interval.high()).isCloseTo(auc + 1.959964 * Math.sqrt(variance), within(1e-6));
    double[] constant = new double[300];
    Arrays.fill(constant, 0.4);
    assertThat(ClassificationMetrics.aucInterval(constant, y)).isEqualTo(new Interval(0.5, 0.5));
    assertThat(ClassificationMetrics.aucInterval(p, new boolean[300])).isNull();
  }

  private static double variance(List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
  }

  @Test
  void shouldComputeAveragePrecision() {
    assertThat(
            ClassificationMetrics.prAuc(
                new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {F, F, T, T}))
        .isEqualTo(1.0);
    // ranked: 0.9 T (P=1), 0.8 F, 0.7 T (P=2/3) -> (1 + 2/3) / 2
    assertThat(ClassificationMetrics.prAuc(new double[] {0.9, 0.8, 0.7}, new boolean[] {T, F, T}))
        .isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void shouldComputeLogLossBrierAndBaseRate() {
    double[] predicted = {0.8, 0.4};
    boolean[] labels = {T, F};

    assertThat(ClassificationMetrics.logLoss(predicted, labels))
        .isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-12));
    assertThat(ClassificationMetrics.brier(predicted, labels))
        .isCloseTo((0.04 + 0.16) / 2, within(1e-12));
    assertThat(ClassificationMetrics.baseRate(labels)).isEqualTo(0.5);
  }

  @Test
  void shouldTraceRocFromOriginToOneOneWithTiesAsOneStep() {
    double[] predicted = {0.1, 0.4, 0.4, 0.8};
    boolean[] labels = {F, F, T, T};

    List<RocPoint> roc = ClassificationMetrics.roc(predicted, labels);

    assertThat(roc).extracting(RocPoint::fpr).containsExactly(0.0, 0.0, 0.5, 1.0);
    assertThat(roc).extracting(RocPoint::tpr).containsExactly(0.0, 0.5, 1.0, 1.0);
    assertThat(roc)
        .extracting(RocPoint::threshold)
        .containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.4, 0.1);
    assertThat(trapezoid(roc)).isEqualTo(ClassificationMetrics.auc(predicted, labels));
  }

  @Test
  void shouldHaveRocAreaEqualToAucOnTiedRandomData() {
    Random random = new Random(1);
    double[] predicted = new double[2000];
    boolean[] labels = new boolean[2000];
    for (int k = 0; k < predicted.length; k++) {
      predicted[k] = Math.round(random.nextDouble() * 30) / 30.0;
      labels[k] = random.nextDouble() < predicted[k] * 0.6;
    }

    List<RocPoint> roc = ClassificationMetrics.roc(predicted, labels);

    assertThat(roc.get(0)).isEqualTo(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
    assertThat(roc.get(roc.size() - 1).fpr()).isEqualTo(1.0);
    assertThat(roc.get(roc.size() - 1).tpr()).isEqualTo(1.0);
    assertThat(trapezoid(roc))
        .isCloseTo(ClassificationMetrics.auc(predicted, labels), within(1e-12));
  }

  @Test
  void shouldRejectRocWithOneOutcome() {
    assertThatThrownBy(
            () -> ClassificationMetrics.roc(new double[] {0.1, 0.2}, new boolean[] {T, T}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldBinCalibrationCurveByQuantiles() {
    double[] predicted = {0.9, 0.1, 0.2, 0.8, 0.3, 0.7};
    boolean[] labels = {T, F, T, T, F, F};

    List<CalibrationBin> curve = ClassificationMetrics.calibrationCurve(predicted, labels, 3);

    // sorted: 0.1 F, 0.2 T | 0.3 F, 0.7 F | 0.8 T, 0.9 T
    assertThat(curve).extracting(CalibrationBin::count).containsExactly(2, 2, 2);
    assertThat(curve).extracting(CalibrationBin::observedRate).containsExactly(0.5, 0.0, 1.0);
    assertThat(curve.get(0).meanPredicted()).isCloseTo(0.15, within(1e-12));
    assertThat(curve.get(1).meanPredicted()).isCloseTo(0.5, within(1e-12));
    assertThat(curve.get(2).meanPredicted()).isCloseTo(0.85, within(1e-12));
  }

  @Test
  void shouldKeepTiedPredictionsInOneCalibrationBin() {
    double[] predicted = {0.2, 0.2, 0.2, 0.2, 0.6, 0.9};
    boolean[] labels = {F, T, F, F, T, T};

    List<CalibrationBin> curve = ClassificationMetrics.calibrationCurve(predicted, labels, 3);

    assertThat(curve).extracting(CalibrationBin::count).containsExactly(4, 2);
    assertThat(curve.get(0).observedRate()).isEqualTo(0.25);
    assertThat(ClassificationMetrics.calibrationCurve(predicted, labels))
        .extracting(CalibrationBin::count)
        .containsExactly(4, 1, 1);
  }

  @Test
  void shouldCountConfusionAtThreshold() {
    double[] predicted = {0.9, 0.6, 0.5, 0.4, 0.2, 0.1};
    boolean[] labels = {T, F, T, T, F, F};

    Confusion confusion = ClassificationMetrics.confusion(predicted, labels, 0.5);

    assertThat(confusion).isEqualTo(new Confusion(0.5, 2, 1, 2, 1));
    assertThat(confusion.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(confusion.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(confusion.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(confusion.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(ClassificationMetrics.confusion(predicted, labels, 0.95).precision()).isNaN();
    assertThat(ClassificationMetrics.confusion(predicted, labels, 0.95).f1()).isEqualTo(0.0);
  }

  private static double trapezoid(List<RocPoint> roc) {
    double area = 0;
    for (int k = 1; k < roc.size(); k++) {
      RocPoint a = roc.get(k - 1);
      RocPoint b = roc.get(k);
      area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
    }
    return area;
  }
}
