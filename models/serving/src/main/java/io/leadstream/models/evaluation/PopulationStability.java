package io.leadstream.models.evaluation;

import io.leadstream.models.bundle.DriftReference.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Population stability index (PSI) of a live distribution against its training reference: the sum
 * over bins of (a - e) ln(a / e), a the live share and e the training share of a bin. The usual
 * reading: below {@value #STABLE_BELOW} stable, up to {@value #MAJOR_ABOVE} a moderate shift, above
 * a major one.
 *
 * <p>An empty bin would make the logarithm infinite, so a share below {@value #EPSILON} counts as
 * {@value #EPSILON} (0.01 %), live or training: a bin empty on both sides adds nothing, and a bin
 * that held 10 % in training and is empty live adds (0.1 - 0.0001) ln(1000), about 0.69, a major
 * shift on its own but finite. Bins with shares above epsilon count exactly.
 *
 * <p>PSI has sampling noise: an unchanged population of n leads in k bins gives about (k - 1) / n
 * (0.1 for 10 bins and 100 leads), so a few dozen leads say little.
 */
public final class PopulationStability {

  /** The floor of a share in the logarithm. */
  public static final double EPSILON = 1e-4;

  /** PSI below this: stable. */
  public static final double STABLE_BELOW = 0.1;

  /** PSI above this: a major shift. */
  public static final double MAJOR_ABOVE = 0.25;

  private PopulationStability() {}

  /**
   * PSI of {@code actual} against {@code expected}, shares per bin (each summing to 1).
   *
   * @throws IllegalArgumentException when the two have different numbers of bins
   */
  public static double psi(double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException(
          "PSI needs the same bins: "
              + expected.length
              + " expected, "
              + actual.length
              + " actual");
    }
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], EPSILON);
      double a = Math.max(actual[i], EPSILON);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  /** The usual reading of a PSI: {@code stable}, {@code moderate shift} or {@code major shift}. */
  public static String reading(double psi) {
    if (Double.isNaN(psi)) {
      return "no data";
    }
    return psi < STABLE_BELOW ? "stable" : psi <= MAJOR_ABOVE ? "moderate shift" : "major shift";
  }

  /** How the {@code live} values (NaN for missing) of a quantity compare with its reference. */
  public static QuantityDrift compare(Quantity reference, double[] live) {
    double[] expected = reference.expected();
    double[] actual = ReferenceBins.shares(reference, live);
    List<QuantityDrift.BinShares> bins = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      bins.add(new QuantityDrift.BinShares(reference.binLabel(i), expected[i], actual[i]));
    }
    double psi = live.length == 0 ? Double.NaN : psi(expected, actual);
    return new QuantityDrift(
        reference.kind(), reference.name(), psi, reading(psi), live.length, bins);
  }
}
