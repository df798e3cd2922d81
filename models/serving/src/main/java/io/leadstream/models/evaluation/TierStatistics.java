package io.leadstream.models.evaluation;

import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.schema.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How 0-100 scores fall into tiers: the conversion of each tier, the 95 % interval of a tier's
 * conversion rate, and the score that selects a share of the leads.
 */
public final class TierStatistics {

  private TierStatistics() {}

  /**
   * How the leads of each tier converted: one row per {@link Tier}, in declaration order (HOT,
   * WARM, COLD, DISQUALIFIED), empty tiers included.
   */
  public static List<TierRow> tierTable(int[] scores, boolean[] actual, TierPolicy tiers) {
    Samples.checkLengths(scores.length, actual.length);
    Tier[] all = Tier.values();
    int[] leads = new int[all.length];
    int[] converted = new int[all.length];
    for (int k = 0; k < scores.length; k++) {
      int tier = tiers.tierOf(scores[k]).ordinal();
      leads[tier]++;
      converted[tier] += actual[k] ? 1 : 0;
    }
    long totalConverted = Samples.positives(actual);
    double baseRate = (double) totalConverted / actual.length;
    List<TierRow> rows = new ArrayList<>();
    for (Tier tier : all) {
      int t = tier.ordinal();
      double rate = leads[t] == 0 ? Double.NaN : (double) converted[t] / leads[t];
      rows.add(
          new TierRow(
              tier,
              leads[t],
              converted[t],
              rate,
              totalConverted == 0 ? Double.NaN : rate / baseRate,
              totalConverted == 0 ? Double.NaN : (double) converted[t] / totalConverted));
    }
    return List.copyOf(rows);
  }

  /**
   * The 95 % Wilson score interval of a rate of {@code successes} in {@code trials}: unlike the
   * normal approximation it stays inside [0, 1] and is not zero-width at 0 or all. Null for no
   * trials.
   */
  public static Interval wilson(long successes, long trials) {
    if (trials <= 0) {
      return null;
    }
    double n = trials;
    double rate = successes / n;
    double z2 = Interval.Z95 * Interval.Z95;
    double centre = (rate + z2 / (2 * n)) / (1 + z2 / n);
    double half = Interval.Z95 * Math.sqrt(rate * (1 - rate) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * The lowest score that selects {@code share} of the leads: the score of the ceil(share x n)-th
   * highest lead, so that at least {@code share} of the leads score at or above it (more when leads
   * tie at it). For example the HOT threshold when sales can call the top 10 %.
   *
   * @param share in (0, 1]
   */
  public static int capacityThreshold(int[] scores, double share) {
    if (scores.length == 0 || !(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "need scores and a share in (0, 1], got " + scores.length + " scores, share " + share);
    }
    int[] ascending = scores.clone();
    Arrays.sort(ascending);
    // the epsilon keeps 0.3 * 10 = 3.0000000000000004 from selecting a fourth lead
    int selected = Math.max(1, (int) Math.ceil(share * scores.length - 1e-9));
    return ascending[scores.length - selected];
  }
}
