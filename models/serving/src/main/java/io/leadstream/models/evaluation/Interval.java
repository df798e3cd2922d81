package io.leadstream.models.evaluation;

/**
 * A 95 % confidence interval.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {

  /** The normal quantile of a two-sided 95 % interval. */
  static final double Z95 = 1.959963984540054;

  /** Whether {@code value} lies within the bounds, bounds included. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  /** Whether the two intervals share a value. */
  public boolean overlaps(Interval other) {
    return low <= other.high && other.low <= high;
  }
}
