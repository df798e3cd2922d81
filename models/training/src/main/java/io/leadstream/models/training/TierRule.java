package io.leadstream.models.training;

import java.util.Locale;

/**
 * How the trainer places the tier thresholds on validation scores. HOT is set by one of: a share of
 * leads (top decile by default), a fixed score, or the team's capacity (leads it can call per day,
 * turned into a share with the arrival rate of leads). WARM and COLD take the next shares.
 *
 * @param hotShare share of leads in HOT, used when neither hotScore nor capacityPerDay is set
 * @param warmShare share in WARM
 * @param coldShare share in COLD; the rest is DISQUALIFIED
 * @param hotScore lowest HOT score (2-100), or null
 * @param capacityPerDay HOT leads the team can handle per day, or null
 */
public record TierRule(
    double hotShare, double warmShare, double coldShare, Integer hotScore, Integer capacityPerDay) {

  public TierRule {
    if (hotShare <= 0 || warmShare < 0 || coldShare < 0 || hotShare + warmShare + coldShare > 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "tier shares must be positive and add up to at most 1, got HOT %.2f WARM %.2f COLD %.2f",
              hotShare,
              warmShare,
              coldShare));
    }
    // WARM and COLD need distinct scores below HOT, so HOT starts at 2 at the lowest
    if (hotScore != null && (hotScore < 2 || hotScore > 100)) {
      throw new IllegalArgumentException("HOT score must be 2-100, got " + hotScore);
    }
    if (capacityPerDay != null && capacityPerDay < 1) {
      throw new IllegalArgumentException(
          "capacity must be at least 1 lead a day, got " + capacityPerDay);
    }
    if (hotScore != null && capacityPerDay != null) {
      throw new IllegalArgumentException("set HOT by score or by capacity, not both");
    }
  }

  /** HOT = top 10 %, WARM next 30 %, COLD next 40 %, DISQUALIFIED the last 20 %. */
  public static TierRule defaults() {
    return new TierRule(0.10, 0.30, 0.40, null, null);
  }

  /** These shares with HOT starting at a fixed score. */
  public TierRule withHotScore(int score) {
    return new TierRule(hotShare, warmShare, coldShare, score, null);
  }

  /** These shares with HOT sized to what the team can call per day. */
  public TierRule withCapacity(int leadsPerDay) {
    return new TierRule(hotShare, warmShare, coldShare, null, leadsPerDay);
  }

  /** These shares with another HOT share. */
  public TierRule withHotShare(double share) {
    return new TierRule(share, warmShare, coldShare, null, null);
  }
}
