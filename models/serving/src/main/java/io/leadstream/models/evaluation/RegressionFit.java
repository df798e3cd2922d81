package io.leadstream.models.evaluation;

import java.util.Arrays;

/**
 * How well predictions fit continuous targets. All methods take predictions and targets of equal,
 * non-zero length.
 */
public final class RegressionFit {

  private RegressionFit() {}

  /** Mean squared error of a regression. */
  public static double mse(double[] predicted, double[] actual) {
    Samples.checkLengths(predicted.length, actual.length);
    double sum = 0;
    for (int k = 0; k < predicted.length; k++) {
      double error = predicted[k] - actual[k];
      sum += error * error;
    }
    return sum / predicted.length;
  }

  /**
   * Coefficient of determination, {@code 1 - SSres / SStot}: 1 for a perfect fit, 0 for predicting
   * the mean, negative when worse. NaN when {@code actual} is constant.
   */
  public static double r2(double[] predicted, double[] actual) {
    Samples.checkLengths(predicted.length, actual.length);
    double mean = Arrays.stream(actual).average().orElseThrow();
    double residual = 0;
    double total = 0;
    for (int k = 0; k < predicted.length; k++) {
      residual += (actual[k] - predicted[k]) * (actual[k] - predicted[k]);
      total += (actual[k] - mean) * (actual[k] - mean);
    }
    return total == 0 ? Double.NaN : 1 - residual / total;
  }
}
