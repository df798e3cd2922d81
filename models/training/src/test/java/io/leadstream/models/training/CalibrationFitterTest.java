package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.Calibration.Method;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class CalibrationFitterTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void shouldPoolAdjacentViolatorsIntoBlockMeans() {
    double[] p = {0.1, 0.2, 0.3, 0.4};
    boolean[] y = {F, T, F, T};

    Calibration isotonic = CalibrationFitter.isotonic(p, y);

    // 0.2 (T) and 0.3 (F) violate the order and pool into one block at 0.25 with rate 1/2
    assertThat(isotonic.method()).isEqualTo(Method.ISOTONIC);
    assertThat(isotonic.x()).containsExactly(new double[] {0.1, 0.25, 0.4}, within(1e-12));
    assertThat(isotonic.y()).containsExactly(0.001, 0.5, 0.999); // ends clipped
  }

  @Test
  void shouldPoolTiesAndEqualRatesInIsotonic() {
    // 0.5 is tied with outcomes T, F; the three leading negatives share rate 0
    double[] p = {0.5, 0.1, 0.5, 0.2, 0.3, 0.9};
    boolean[] y = {T, F, F, F, F, T};

    Calibration isotonic = CalibrationFitter.isotonic(p, y);

    assertThat(isotonic.x()).containsExactly(new double[] {0.2, 0.5, 0.9}, within(1e-12));
    assertThat(isotonic.y()).containsExactly(0.001, 0.5, 0.999); // ends clipped
  }

  @Test
  void shouldPoolAcrossSeveralBlocksWhenAViolationReachesBack() {
    // rates 1, 1, 0: the last lead pulls all three into one block
    Calibration isotonic =
        CalibrationFitter.isotonic(new double[] {0.1, 0.2, 0.3}, new boolean[] {T, T, F});

    assertThat(isotonic.x()).containsExactly(new double[] {0.2}, within(1e-12));
    assertThat(isotonic.y()).containsExactly(new double[] {2.0 / 3}, within(1e-12));
  }

  @Test
  void shouldRecoverKnownPlattParameters() {
    Random random = new Random(7);
    int n = 40_000;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double z = 1.5 * random.nextGaussian();
      p[i] = sigmoid(z);
      y[i] = random.nextDouble() < sigmoid(2.0 * z - 1.0);
    }

    Calibration platt = CalibrationFitter.platt(p, y);

    assertThat(platt.method()).isEqualTo(Method.PLATT);
    assertThat(platt.a()).isCloseTo(2.0, within(0.08));
    assertThat(platt.b()).isCloseTo(-1.0, within(0.06));
  }

  @Test
  void shouldStayFiniteWhenAllProbabilitiesAreEqual() {
    double[] p = {0.3, 0.3, 0.3, 0.3};
    boolean[] y = {T, F, F, F};

    Calibration platt = CalibrationFitter.platt(p, y);

    // Platt's targets: positive 2/3, negatives 1/5 -> mean target (2/3 + 3/5) / 4
    assertThat(platt.apply(0.3)).isCloseTo((2.0 / 3 + 3 * 0.2) / 4, within(1e-6));
  }

  @Test
  void shouldChoosePlattAndCutLogLossOnOverconfidentProbabilities() {
    // raw = sigmoid(3 logit(q) + 1): too extreme and too high
    DoubleUnaryOperator distort = q -> sigmoid(3 * logit(q) + 1);
    Sample fit = Sample.draw(new Random(11), 3000, distort);
    Sample test = Sample.draw(new Random(12), 3000, distort);

    CalibrationChoice choice = CalibrationFitter.choose(fit.raw, fit.y);

    assertThat(choice.calibration().method()).isEqualTo(Method.PLATT);
    assertThat(choice.crossValidatedLogLoss())
        .containsOnlyKeys(Method.NONE, Method.PLATT, Method.ISOTONIC);
    assertThat(choice.crossValidatedLogLoss().get(Method.PLATT))
        .isLessThan(choice.crossValidatedLogLoss().get(Method.NONE));
    double rawLoss = ClassificationMetrics.logLoss(test.raw, test.y);
    double calibratedLoss =
        ClassificationMetrics.logLoss(choice.calibration().applyAll(test.raw), test.y);
    assertThat(calibratedLoss).isLessThan(rawLoss * 0.9);
    // and close to the loss of the true probabilities
    assertThat(calibratedLoss)
        .isCloseTo(ClassificationMetrics.logLoss(test.truth, test.y), within(0.01));
  }

  @Test
  void shouldChooseIsotonicWhenTheDistortionIsNotASigmoid() {
    // the true rate is 0.2 below 0.5 and 0.8 above: a step no sigmoid of the logit fits
    Random random = new Random(3);
    int n = 4000;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = random.nextDouble();
      y[i] = random.nextDouble() < (p[i] < 0.5 ? 0.2 : 0.8);
    }

    CalibrationChoice choice = CalibrationFitter.choose(p, y);

    assertThat(choice.calibration().method()).isEqualTo(Method.ISOTONIC);
    assertThat(choice.calibration().apply(0.25)).isCloseTo(0.2, within(0.05));
    assertThat(choice.calibration().apply(0.75)).isCloseTo(0.8, within(0.05));
  }

  @Test
  void shouldKeepNoneWhenProbabilitiesAreAlreadyCalibrated() {
    Sample sample = Sample.draw(new Random(5), 3000, q -> q);

    CalibrationChoice choice = CalibrationFitter.choose(sample.raw, sample.y);

    assertThat(choice.calibration()).isEqualTo(Calibration.none());
    assertThat(choice.crossValidatedLogLoss().get(Method.NONE))
        .isEqualTo(ClassificationMetrics.logLoss(sample.raw, sample.y));
  }

  @Test
  void shouldNotConsiderIsotonicBelowTheMinimumCount() {
    Sample sample =
        Sample.draw(
            new Random(9), CalibrationFitter.MIN_ISOTONIC_LEADS - 1, q -> sigmoid(3 * logit(q)));

    CalibrationChoice choice = CalibrationFitter.choose(sample.raw, sample.y);

    assertThat(choice.crossValidatedLogLoss()).containsOnlyKeys(Method.NONE, Method.PLATT);
    assertThat(choice.calibration().method()).isEqualTo(Method.PLATT);
    assertThat(choice.folds()).isEqualTo(CalibrationFitter.FOLDS);
  }

  @Test
  void shouldChooseNoneWithASingleOutcome() {
    CalibrationChoice choice =
        CalibrationFitter.choose(
            new double[] {0.2, 0.4, 0.6, 0.1, 0.3, 0.5}, new boolean[] {F, F, F, F, F, F});

    assertThat(choice.calibration()).isEqualTo(Calibration.none());
    assertThat(choice.crossValidatedLogLoss()).containsOnlyKeys(Method.NONE);
  }

  /** Leads with true probability q ~ Beta-like on (0, 1), raw prediction distort(q). */
  private record Sample(double[] truth, double[] raw, boolean[] y) {
    static Sample draw(Random random, int n, DoubleUnaryOperator distort) {
      double[] truth = new double[n];
      double[] raw = new double[n];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        truth[i] = sigmoid(-1.2 + 1.3 * random.nextGaussian());
        raw[i] = distort.applyAsDouble(truth[i]);
        y[i] = random.nextDouble() < truth[i];
      }
      return new Sample(truth, raw, y);
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
