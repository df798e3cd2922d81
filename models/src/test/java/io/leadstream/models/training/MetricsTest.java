package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.training.evaluation.CalibrationBin;
import io.leadstream.models.training.evaluation.Confusion;
import io.leadstream.models.training.evaluation.RocPoint;
import io.leadstream.models.training.evaluation.TierRow;
import io.leadstream.schema.Tier;
import java.util.List;
import java.util.Random;
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

  @Test
  void shouldTraceRocFromOriginToOneOneWithTiesAsOneStep() {
    double[] predicted = {0.1, 0.4, 0.4, 0.8};
    boolean[] labels = {F, F, T, T};

    List<RocPoint> roc = Metrics.roc(predicted, labels);

    assertThat(roc).extracting(RocPoint::fpr).containsExactly(0.0, 0.0, 0.5, 1.0);
    assertThat(roc).extracting(RocPoint::tpr).containsExactly(0.0, 0.5, 1.0, 1.0);
    assertThat(roc).extracting(RocPoint::threshold)
        .containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.4, 0.1);
    assertThat(trapezoid(roc)).isEqualTo(Metrics.auc(predicted, labels));
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

    List<RocPoint> roc = Metrics.roc(predicted, labels);

    assertThat(roc.get(0)).isEqualTo(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
    assertThat(roc.get(roc.size() - 1).fpr()).isEqualTo(1.0);
    assertThat(roc.get(roc.size() - 1).tpr()).isEqualTo(1.0);
    assertThat(trapezoid(roc)).isCloseTo(Metrics.auc(predicted, labels), within(1e-12));
  }

  @Test
  void shouldRejectRocWithOneOutcome() {
    assertThatThrownBy(() -> Metrics.roc(new double[] {0.1, 0.2}, new boolean[] {T, T}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldBinCalibrationCurveByQuantiles() {
    double[] predicted = {0.9, 0.1, 0.2, 0.8, 0.3, 0.7};
    boolean[] labels = {T, F, T, T, F, F};

    List<CalibrationBin> curve = Metrics.calibrationCurve(predicted, labels, 3);

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

    List<CalibrationBin> curve = Metrics.calibrationCurve(predicted, labels, 3);

    assertThat(curve).extracting(CalibrationBin::count).containsExactly(4, 2);
    assertThat(curve.get(0).observedRate()).isEqualTo(0.25);
    assertThat(Metrics.calibrationCurve(predicted, labels)).extracting(CalibrationBin::count)
        .containsExactly(4, 1, 1);
  }

  @Test
  void shouldCountConfusionAtThreshold() {
    double[] predicted = {0.9, 0.6, 0.5, 0.4, 0.2, 0.1};
    boolean[] labels = {T, F, T, T, F, F};

    Confusion confusion = Metrics.confusion(predicted, labels, 0.5);

    assertThat(confusion).isEqualTo(new Confusion(0.5, 2, 1, 2, 1));
    assertThat(confusion.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(confusion.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(confusion.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(confusion.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(Metrics.confusion(predicted, labels, 0.95).precision()).isNaN();
    assertThat(Metrics.confusion(predicted, labels, 0.95).f1()).isEqualTo(0.0);
  }

  @Test
  void shouldTabulateConversionLiftAndShareByTier() {
    TierPolicy tiers = new TierPolicy(80, 50, 20);
    int[] scores = {90, 85, 60, 55, 52, 30, 25, 10, 5, 0};
    boolean[] labels = {T, T, T, F, F, T, F, F, F, F};

    List<TierRow> table = Metrics.tierTable(scores, labels, tiers);

    // base rate 4 / 10
    assertThat(table).extracting(TierRow::tier)
        .containsExactly(Tier.HOT, Tier.WARM, Tier.COLD, Tier.DISQUALIFIED);
    assertThat(table).extracting(TierRow::leads).containsExactly(2, 3, 2, 3);
    assertThat(table).extracting(TierRow::converted).containsExactly(2, 1, 1, 0);
    assertThat(table.get(0).conversionRate()).isEqualTo(1.0);
    assertThat(table.get(0).lift()).isCloseTo(2.5, within(1e-12));
    assertThat(table.get(0).conversionShare()).isEqualTo(0.5);
    assertThat(table.get(1).conversionRate()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(table.get(1).lift()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(table.get(2).conversionShare()).isEqualTo(0.25);
    assertThat(table.get(3).lift()).isEqualTo(0.0);
  }

  @Test
  void shouldReportEmptyTierAsNaNRates() {
    List<TierRow> table =
        Metrics.tierTable(new int[] {90, 10}, new boolean[] {T, F}, new TierPolicy(80, 50, 20));

    assertThat(table.get(1).leads()).isZero();
    assertThat(table.get(1).conversionRate()).isNaN();
    assertThat(table.get(1).lift()).isNaN();
    assertThat(table.get(1).conversionShare()).isEqualTo(0.0);
  }

  @Test
  void shouldFindScoreThatSelectsTheShare() {
    int[] scores = {95, 90, 80, 80, 70, 60, 50, 40, 30, 20};

    assertThat(Metrics.capacityThreshold(scores, 0.1)).isEqualTo(95);
    assertThat(Metrics.capacityThreshold(scores, 0.2)).isEqualTo(90);
    // 0.3 * 10 is 3.0000000000000004 in doubles; still the third lead, and its tie comes along
    assertThat(Metrics.capacityThreshold(scores, 0.1 + 0.2)).isEqualTo(80);
    assertThat(Metrics.capacityThreshold(scores, 0.05)).isEqualTo(95);
    assertThat(Metrics.capacityThreshold(scores, 1.0)).isEqualTo(20);
    assertThatThrownBy(() -> Metrics.capacityThreshold(scores, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldComputeMseAndR2() {
    double[] actual = {1, 2, 3, 4};
    double[] predicted = {1.5, 2, 2.5, 4};

    // squared errors 0.25, 0, 0.25, 0; SStot = 2.25 + 0.25 + 0.25 + 2.25 = 5
    assertThat(Metrics.mse(predicted, actual)).isCloseTo(0.125, within(1e-12));
    assertThat(Metrics.r2(predicted, actual)).isCloseTo(1 - 0.5 / 5, within(1e-12));
    assertThat(Metrics.r2(actual, actual)).isEqualTo(1.0);
    assertThat(Metrics.r2(new double[] {2.5, 2.5, 2.5, 2.5}, actual)).isEqualTo(0.0);
    assertThat(Metrics.r2(predicted, new double[] {2, 2, 2, 2})).isNaN();
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
