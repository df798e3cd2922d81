package io.leadstream.models.scoring;

import io.leadstream.schema.Tier;

/**
 * Maps a 0-100 score to a tier: at least {@code hot} is HOT, at least {@code warm} is WARM, at
 * least {@code cold} is COLD, anything lower is DISQUALIFIED.
 *
 * @param hot lowest HOT score
 * @param warm lowest WARM score
 * @param cold lowest COLD score
 */
public record TierPolicy(int hot, int warm, int cold) {

  public TierPolicy {
    if (!(0 <= cold && cold <= warm && warm <= hot && hot <= 100)) {
      throw new IllegalArgumentException(
          "tier thresholds must satisfy 0 <= cold <= warm <= hot <= 100, got hot="
              + hot
              + " warm="
              + warm
              + " cold="
              + cold);
    }
  }

  /** The tier of a score. */
  public Tier tierOf(int score) {
    if (score >= hot) {
      return Tier.HOT;
    }
    if (score >= warm) {
      return Tier.WARM;
    }
    return score >= cold ? Tier.COLD : Tier.DISQUALIFIED;
  }
}
