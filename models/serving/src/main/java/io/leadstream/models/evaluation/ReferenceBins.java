package io.leadstream.models.evaluation;

import io.leadstream.models.bundle.DriftReference.Kind;
import io.leadstream.models.bundle.DriftReference.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a training distribution into the bins of a {@link Quantity} and counts values into them.
 *
 * <p>A quantity with at most {@value #MAX_DISTINCT_FOR_FIXED_BINS} distinct values (a flag, a
 * categorical's levels, a bucket code) gets one bin per value; any other its deciles, tied edges
 * merged. Missing values have a bin of their own.
 */
public final class ReferenceBins {

  /** Distinct values up to which each value gets a bin of its own. */
  public static final int MAX_DISTINCT_FOR_FIXED_BINS = 10;

  private static final int DECILES = 10;

  private ReferenceBins() {}

  /** The bins of {@code values} (NaN for missing) and the share of the values in each. */
  public static Quantity of(Kind kind, String name, double[] values) {
    double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double[] distinct = Arrays.stream(present).distinct().toArray();
    List<Double> edges = new ArrayList<>();
    if (distinct.length <= MAX_DISTINCT_FOR_FIXED_BINS) {
      for (int i = 0; i < distinct.length - 1; i++) {
        edges.add(distinct[i]);
      }
    } else {
      for (int k = 1; k < DECILES; k++) {
        double edge = present[(int) Math.ceil((double) k * present.length / DECILES) - 1];
        if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
          edges.add(edge);
        }
      }
    }
    Quantity unshared = new Quantity(kind, name, edges, zeros(edges.size() + 1), 0);
    double[] shares = shares(unshared, values);
    List<Double> binShares = new ArrayList<>();
    for (int i = 0; i < unshared.missingBin(); i++) {
      binShares.add(shares[i]);
    }
    return new Quantity(kind, name, edges, binShares, shares[unshared.missingBin()]);
  }

  /**
   * The share of {@code values} in each bin of {@code quantity}, the missing bin last; all zero
   * when there are no values.
   */
  public static double[] shares(Quantity quantity, double[] values) {
    double[] shares = new double[quantity.bins()];
    for (double value : values) {
      shares[quantity.bin(value)]++;
    }
    for (int i = 0; i < shares.length && values.length > 0; i++) {
      shares[i] /= values.length;
    }
    return shares;
  }

  private static List<Double> zeros(int count) {
    List<Double> zeros = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      zeros.add(0.0);
    }
    return zeros;
  }
}
