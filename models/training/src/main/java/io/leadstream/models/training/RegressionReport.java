package io.leadstream.models.training;

import io.leadstream.models.bundle.RegressionMetrics;
import io.leadstream.models.evaluation.RegressionFit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** MSE and R² of a regression bundle on the hold-out, beside its baselines. */
final class RegressionReport {

  static final String MODEL = "this bundle";

  private RegressionReport() {}

  /**
   * @param predicted the bundle's predicted values per hold-out lead
   * @param fieldsOnly XGBoost without the text, per hold-out lead; null when the bundle reads no
   *     text
   * @param train the training rows, for the ridge baseline
   * @param holdOut the hold-out rows
   * @param trainTargets targets of the training rows
   * @param holdOutTargets targets of the hold-out rows
   */
  static Map<String, RegressionMetrics> of(
      double[] predicted,
      double[] fieldsOnly,
      FeatureRows train,
      FeatureRows holdOut,
      double[] trainTargets,
      double[] holdOutTargets) {
    double mean = Arrays.stream(trainTargets).average().orElse(0);
    double[] constant = new double[holdOutTargets.length];
    Arrays.fill(constant, mean);
    Map<String, RegressionMetrics> metrics = new LinkedHashMap<>();
    metrics.put(MODEL, metrics(predicted, holdOutTargets));
    metrics.put(
        "ridge regression, same features",
        metrics(RidgeBaseline.fit(train, trainTargets).predict(holdOut), holdOutTargets));
    metrics.put("mean of the training targets (no model)", metrics(constant, holdOutTargets));
    if (fieldsOnly != null) {
      metrics.put(BundleTrainer.FIELDS_ONLY, metrics(fieldsOnly, holdOutTargets));
    }
    return metrics;
  }

  private static RegressionMetrics metrics(double[] predicted, double[] actual) {
    return new RegressionMetrics(
        actual.length, RegressionFit.mse(predicted, actual), RegressionFit.r2(predicted, actual));
  }
}
