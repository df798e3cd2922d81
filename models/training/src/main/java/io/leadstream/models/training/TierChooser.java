package io.leadstream.models.training;

import io.leadstream.models.evaluation.TierStatistics;
import io.leadstream.models.scoring.TierPolicy;
import java.util.Arrays;
import java.util.Locale;

/** Turns a {@link TierRule} and validation scores into tier thresholds and their explanation. */
final class TierChooser {

  /**
   * The thresholds and the sentence the manifest and model card record.
   *
   * @param policy score thresholds
   * @param rule how they were chosen, in words
   */
  record ChosenTiers(TierPolicy policy, String rule) {}

  private TierChooser() {}

  /**
   * @param scores validation scores, 0-100
   * @param leadsPerDay arrival rate of leads in the data, or NaN when unknown
   * @throws TrainingRefusedException when the rule needs the arrival rate and it is unknown
   */
  static ChosenTiers choose(TierRule rule, int[] scores, double leadsPerDay) {
    double hotShare = rule.hotShare();
    String why;
    if (rule.capacityPerDay() != null) {
      if (Double.isNaN(leadsPerDay) || leadsPerDay <= 0) {
        throw new TrainingRefusedException(
            "HOT by capacity needs the arrival rate of leads: map a time column, or give the"
                + " number of new leads per day");
      }
      hotShare = Math.min(1.0, rule.capacityPerDay() / leadsPerDay);
      why =
          String.format(
              Locale.ROOT,
              "HOT sized to a capacity of %d leads a day at %.1f new leads a day (top %.1f %%)",
              rule.capacityPerDay(),
              leadsPerDay,
              100 * hotShare);
    } else if (rule.hotScore() != null) {
      hotShare = shareAtOrAbove(scores, rule.hotScore());
      why =
          String.format(
              Locale.ROOT,
              "HOT from score %d (%.1f %% of validation leads)",
              rule.hotScore(),
              100 * hotShare);
    } else {
      why = String.format(Locale.ROOT, "HOT = top %.0f %% of validation leads", 100 * hotShare);
    }
    int hot = rule.hotScore() != null ? rule.hotScore() : closestScore(scores, hotShare);
    if (rule.hotScore() == null) {
      double actual = shareAtOrAbove(scores, hot);
      if (Math.abs(actual - hotShare) > 0.01) {
        why +=
            String.format(
                Locale.ROOT, " (%.1f %% at score %d: scores tie there)", 100 * actual, hot);
      }
    }
    int warm = scoreAtShare(scores, hotShare + rule.warmShare());
    int cold = scoreAtShare(scores, Math.min(1.0, hotShare + rule.warmShare() + rule.coldShare()));
    hot = Math.max(hot, 2);
    warm = Math.max(1, Math.min(warm, hot - 1));
    cold = Math.max(0, Math.min(cold, warm - 1));
    why +=
        String.format(
            Locale.ROOT,
            ", then WARM %.0f %% and COLD %.0f %%",
            100 * rule.warmShare(),
            100 * rule.coldShare());
    return new ChosenTiers(new TierPolicy(hot, warm, cold), why);
  }

  /** The lowest score among the top {@code share} of scores. */
  static int scoreAtShare(int[] scores, double share) {
    return TierStatistics.capacityThreshold(scores, Math.min(1.0, Math.max(share, 1e-9)));
  }

  /**
   * Of the score at the share and the next one up, the one whose share of leads at or above it is
   * closer to the wanted share: a model sure of many leads ties them at the top score.
   */
  static int closestScore(int[] scores, double share) {
    int atShare = scoreAtShare(scores, share);
    int above = atShare + 1;
    if (above > 100 || shareAtOrAbove(scores, above) == 0) {
      return atShare;
    }
    return Math.abs(shareAtOrAbove(scores, above) - share)
            < Math.abs(shareAtOrAbove(scores, atShare) - share)
        ? above
        : atShare;
  }

  private static double shareAtOrAbove(int[] scores, int threshold) {
    return (double) Arrays.stream(scores).filter(s -> s >= threshold).count() / scores.length;
  }
}
