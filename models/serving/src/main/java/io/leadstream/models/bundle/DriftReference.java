package io.leadstream.models.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What live drift is measured against, as the trainer writes it into the manifest: per quantity,
 * the bins of its training distribution and the share of the training leads in each.
 *
 * <p>A quantity's {@code edges} e<sub>0</sub> &lt; ... &lt; e<sub>k-1</sub> cut the values into k +
 * 1 bins: bin 0 holds the values &le; e<sub>0</sub>, bin i those in (e<sub>i-1</sub>,
 * e<sub>i</sub>], bin k those &gt; e<sub>k-1</sub>; a missing value (NaN) goes to one more bin of
 * its own. Values are those {@code io.leadstream.models.evaluation.DriftQuantities} gives.
 *
 * @param split the training leads the shares were measured on, e.g. {@code train}
 * @param leads how many
 * @param quantities p(opportunity), the score, then the most important features, most important
 *     first
 */
public record DriftReference(String split, int leads, List<Quantity> quantities) {

  public DriftReference {
    quantities = quantities == null ? List.of() : List.copyOf(quantities);
  }

  /** What a quantity measures. */
  public enum Kind {
    /** p(opportunity) as served, 0..1. */
    @JsonProperty("opportunityProbability")
    OPPORTUNITY_PROBABILITY,
    /** The score as served, 0-100. */
    @JsonProperty("score")
    SCORE,
    /** One of the manifest's {@code features}, as one number. */
    @JsonProperty("feature")
    FEATURE
  }

  /**
   * One quantity's training distribution.
   *
   * @param kind what is measured
   * @param name {@code opportunityProbability}, {@code score}, or the feature's name
   * @param edges upper edges of the bins, increasing
   * @param shares share of the training leads in each bin, {@code edges.size() + 1} of them
   * @param missing share of the training leads without a value
   */
  public record Quantity(
      Kind kind, String name, List<Double> edges, List<Double> shares, double missing) {

    public Quantity {
      if (kind == null || name == null) {
        throw new IllegalArgumentException("a drift quantity needs a kind and a name");
      }
      edges = edges == null ? List.of() : List.copyOf(edges);
      shares = shares == null ? List.of() : List.copyOf(shares);
      if (shares.size() != edges.size() + 1) {
        throw new IllegalArgumentException(
            "drift quantity '"
                + name
                + "': "
                + edges.size()
                + " edges need "
                + (edges.size() + 1)
                + " shares, not "
                + shares.size());
      }
      for (int i = 1; i < edges.size(); i++) {
        if (!(edges.get(i) > edges.get(i - 1))) {
          throw new IllegalArgumentException(
              "drift quantity '" + name + "': edges must increase: " + edges);
        }
      }
    }

    /** Number of bins, the missing one included. */
    public int bins() {
      return edges.size() + 2;
    }

    /** Index of the missing bin, the last. */
    public int missingBin() {
      return edges.size() + 1;
    }

    /** The bin of {@code value}: {@link #missingBin()} for NaN. */
    public int bin(double value) {
      if (Double.isNaN(value)) {
        return missingBin();
      }
      int found = Collections.binarySearch(edges, value);
      return found >= 0 ? found : -found - 1;
    }

    /** The training shares of all bins, the missing one last. */
    public double[] expected() {
      double[] expected = new double[bins()];
      for (int i = 0; i < shares.size(); i++) {
        expected[i] = shares.get(i);
      }
      expected[missingBin()] = missing;
      return expected;
    }

    /** The bin in words: {@code <= 3}, {@code (3, 7.5]}, {@code > 7.5} or {@code missing}. */
    public String binLabel(int bin) {
      if (bin == missingBin()) {
        return "missing";
      }
      if (edges.isEmpty()) {
        return "any";
      }
      if (bin == 0) {
        return "<= " + number(edges.get(0));
      }
      if (bin == edges.size()) {
        return "> " + number(edges.get(bin - 1));
      }
      return "(" + number(edges.get(bin - 1)) + ", " + number(edges.get(bin)) + "]";
    }

    private static String number(double value) {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+(?=$|e)", "");
    }
  }
}
