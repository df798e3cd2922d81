package io.leadstream.models.evaluation;

/**
 * Counts of a binary decision {@code predicted >= threshold} against the outcome. Ratios with a
 * zero denominator are NaN.
 *
 * @param threshold lowest prediction counted positive
 * @param tp converted, predicted positive
 * @param fp not converted, predicted positive
 * @param tn not converted, predicted negative
 * @param fn converted, predicted negative
 */
public record Confusion(double threshold, long tp, long fp, long tn, long fn) {

  /** Share of predicted positives that converted. */
  public double precision() {
    return ratio(tp, tp + fp);
  }

  /** Share of conversions predicted positive. */
  public double recall() {
    return ratio(tp, tp + fn);
  }

  /** Share of leads predicted correctly. */
  public double accuracy() {
    return ratio(tp + tn, tp + fp + tn + fn);
  }

  /** Harmonic mean of precision and recall, {@code 2 tp / (2 tp + fp + fn)}. */
  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
