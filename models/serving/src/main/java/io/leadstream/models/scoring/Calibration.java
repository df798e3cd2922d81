package io.leadstream.models.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * Maps a model's raw probability to a calibrated one at serving time. Immutable; stored in a bundle
 * manifest as JSON, e.g. {@code {"method":"platt","a":1.3,"b":-0.2,"x":[],"y":[]}}.
 *
 * <ul>
 *   <li>{@link Method#NONE}: the identity.
 *   <li>{@link Method#PLATT}: {@code sigmoid(a * logit(p) + b)}, with {@code p} clipped to {@code
 *       [1e-6, 1 - 1e-6]}.
 *   <li>{@link Method#ISOTONIC}: linear interpolation between the points {@code (x[i], y[i])},
 *       constant beyond the first and last point. Can return exactly 0 or 1.
 * </ul>
 *
 * @param method how to map
 * @param a Platt slope on the logit; 1 for the other methods
 * @param b Platt intercept; 0 for the other methods
 * @param x isotonic knots, strictly ascending raw probabilities; empty for the other methods
 * @param y isotonic values at the knots, non-decreasing within [0, 1]; empty for the other methods
 */
public record Calibration(Method method, double a, double b, double[] x, double[] y) {

  /** Calibration methods, written in lower case in JSON. */
  public enum Method {
    @JsonProperty("none")
    NONE,
    @JsonProperty("platt")
    PLATT,
    @JsonProperty("isotonic")
    ISOTONIC
  }

  private static final double CLIP = 1e-6;
  private static final double[] EMPTY = {};

  /**
   * @throws IllegalArgumentException when the parameters do not describe a valid mapping of the
   *     method (see the record parameters)
   */
  public Calibration {
    Objects.requireNonNull(method, "method");
    x = x == null ? EMPTY : x.clone();
    y = y == null ? EMPTY : y.clone();
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("calibration a and b must be finite, got " + a + ", " + b);
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "calibration has " + x.length + " x values and " + y.length + " y values");
    }
    if (method == Method.ISOTONIC) {
      checkKnots(x, y);
    } else if (x.length > 0) {
      throw new IllegalArgumentException(method + " calibration takes no knots");
    }
  }

  /** The identity. */
  public static Calibration none() {
    return new Calibration(Method.NONE, 1, 0, EMPTY, EMPTY);
  }

  /** Platt scaling {@code sigmoid(a * logit(p) + b)}. */
  public static Calibration platt(double a, double b) {
    return new Calibration(Method.PLATT, a, b, EMPTY, EMPTY);
  }

  /** Isotonic interpolation between the knots {@code (x[i], y[i])}. */
  public static Calibration isotonic(double[] x, double[] y) {
    return new Calibration(Method.ISOTONIC, 1, 0, x, y);
  }

  /** The calibrated probability of a raw probability in [0, 1]; NaN stays NaN. */
  public double apply(double rawProbability) {
    return switch (method) {
      case NONE -> rawProbability;
      case PLATT -> sigmoid(a * logit(rawProbability) + b);
      case ISOTONIC -> interpolate(rawProbability);
    };
  }

  /** Applies {@link #apply} to every value. */
  public double[] applyAll(double[] rawProbabilities) {
    double[] out = new double[rawProbabilities.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = apply(rawProbabilities[i]);
    }
    return out;
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Calibration c
        && method == c.method
        && Double.compare(a, c.a) == 0
        && Double.compare(b, c.b) == 0
        && Arrays.equals(x, c.x)
        && Arrays.equals(y, c.y);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, a, b, Arrays.hashCode(x), Arrays.hashCode(y));
  }

  @Override
  public String toString() {
    return switch (method) {
      case NONE -> "Calibration[none]";
      case PLATT -> "Calibration[platt, a=" + a + ", b=" + b + "]";
      case ISOTONIC ->
          "Calibration[isotonic, "
              + x.length
              + " knots from ("
              + x[0]
              + ", "
              + y[0]
              + ") to ("
              + x[x.length - 1]
              + ", "
              + y[y.length - 1]
              + ")]";
    };
  }

  private double interpolate(double p) {
    if (Double.isNaN(p)) {
      return p;
    }
    int last = x.length - 1;
    if (p <= x[0]) {
      return y[0];
    }
    if (p >= x[last]) {
      return y[last];
    }
    int found = Arrays.binarySearch(x, p);
    if (found >= 0) {
      return y[found];
    }
    int right = -found - 1;
    int left = right - 1;
    double t = (p - x[left]) / (x[right] - x[left]);
    return y[left] + t * (y[right] - y[left]);
  }

  private static void checkKnots(double[] x, double[] y) {
    if (x.length == 0) {
      throw new IllegalArgumentException("isotonic calibration needs at least one knot");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            "isotonic knot " + i + " (" + x[i] + ", " + y[i] + ") is not finite with y in [0, 1]");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("isotonic x must be strictly ascending at knot " + i);
      }
      if (i > 0 && y[i] < y[i - 1]) {
        throw new IllegalArgumentException("isotonic y must be non-decreasing at knot " + i);
      }
    }
  }

  private static double logit(double p) {
    double clipped = Math.min(1 - CLIP, Math.max(CLIP, p));
    return Math.log(clipped / (1 - clipped));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
