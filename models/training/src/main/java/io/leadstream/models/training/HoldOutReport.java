package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.bundle.RegressionMetrics;
import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.Confusion;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.evaluation.TierRow;
import io.leadstream.models.evaluation.TierStatistics;
import io.leadstream.models.scoring.TierPolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured on the hold-out, for the manifest, the model card and its plots.
 *
 * @param calibrated the bundle's calibrated probabilities per hold-out lead
 * @param raw the scorer's probabilities before calibration
 * @param labels hold-out outcomes
 * @param baselines baseline probabilities by name
 * @param model metrics of the calibrated probabilities
 * @param uncalibrated metrics of the raw probabilities
 * @param baselineMetrics metrics of each baseline
 * @param tiers conversion per tier
 * @param aucInterval the 95 % interval of the bundle's AUC (DeLong)
 * @param atHot the confusion matrix of "HOT or not" against the outcome
 * @param atHalf each model's confusion matrix at p >= 0.5, this bundle first ({@link #MODEL})
 * @param atHotCut each model's confusion matrix when it calls as many leads as the bundle's HOT
 *     tier holds: the bundle's HOT leads, each baseline's top leads (a constant baseline, which
 *     cannot pick leads, is left out)
 * @param calibrationCurve observed vs predicted conversion in decile bins (calibrated)
 * @param importance mean |SHAP| per feature (log-odds), largest first
 * @param signals single-column AUCs, strongest first
 * @param segments per-segment training outcomes, empty without segments
 * @param regression for a continuous target, MSE and R² by model name; null otherwise
 */
record HoldOutReport(
    double[] calibrated,
    double[] raw,
    boolean[] labels,
    Map<String, double[]> baselines,
    EvaluationMetrics model,
    EvaluationMetrics uncalibrated,
    Map<String, EvaluationMetrics> baselineMetrics,
    List<TierRow> tiers,
    Interval aucInterval,
    Confusion atHot,
    Map<String, Confusion> atHalf,
    Map<String, Confusion> atHotCut,
    List<CalibrationBin> calibrationCurve,
    Map<String, Double> importance,
    List<ColumnSignals.ColumnSignal> signals,
    List<SegmentTrainer.Segment> segments,
    Map<String, RegressionMetrics> regression) {

  static final String LOGISTIC = "logistic regression, same features";

  /** The bundle's key in {@link #atHalf()} and {@link #atHotCut()}. */
  static final String MODEL = "this bundle";

  /** The probability from which a lead counts as predicted to convert, as the field reports. */
  static final double HALF = 0.5;

  static HoldOutReport of(
      double[] calibrated,
      double[] raw,
      boolean[] labels,
      Map<String, double[]> baselines,
      TierPolicy tiers,
      Map<String, Double> importance,
      List<ColumnSignals.ColumnSignal> signals,
      List<SegmentTrainer.Segment> segments,
      Map<String, RegressionMetrics> regression) {
    int[] scores = BundleTrainer.scores(calibrated);
    // HOT means score >= hot, i.e. probability >= (hot - 0.5) / 100 after rounding
    double hotProbability = (tiers.hot() - 0.5) / 100.0;
    Confusion atHot = ClassificationMetrics.confusion(calibrated, labels, hotProbability);
    long called = atHot.tp() + atHot.fp();
    Map<String, Confusion> atHalf = new LinkedHashMap<>();
    Map<String, Confusion> atHotCut = new LinkedHashMap<>();
    atHalf.put(MODEL, ClassificationMetrics.confusion(calibrated, labels, HALF));
    atHotCut.put(MODEL, atHot);
    baselines.forEach(
        (name, p) -> {
          atHalf.put(name, ClassificationMetrics.confusion(p, labels, HALF));
          if (Arrays.stream(p).distinct().count() > 1) {
            atHotCut.put(
                name, ClassificationMetrics.confusion(p, labels, thresholdForCount(p, called)));
          }
        });
    return new HoldOutReport(
        calibrated,
        raw,
        labels,
        baselines,
        ClassificationMetrics.evaluate(calibrated, labels),
        ClassificationMetrics.evaluate(raw, labels),
        BundleTrainer.evaluate(baselines, labels),
        TierStatistics.tierTable(scores, labels, tiers),
        ClassificationMetrics.aucInterval(calibrated, labels),
        atHot,
        atHalf,
        atHotCut,
        ClassificationMetrics.calibrationCurve(calibrated, labels),
        importance,
        signals,
        segments,
        regression);
  }

  /** The tier table as the manifest records it. */
  List<BundleManifest.TierOutcome> tierOutcomes() {
    return tiers.stream()
        .map(
            t ->
                new BundleManifest.TierOutcome(
                    t.tier().name(),
                    t.leads(),
                    t.converted(),
                    t.conversionRate(),
                    t.lift(),
                    t.conversionShare()))
        .toList();
  }

  /** The lowest prediction among the top {@code count} (all at least it count as positive). */
  private static double thresholdForCount(double[] predicted, long count) {
    if (count <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double[] sorted = predicted.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.max(0, sorted.length - count)];
  }
}
