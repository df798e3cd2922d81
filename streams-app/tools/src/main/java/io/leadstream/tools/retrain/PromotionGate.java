package io.leadstream.tools.retrain;

import java.util.Locale;

/**
 * When a retrained candidate replaces the current bundle, judged by both bundles' AUC on the same
 * comparison window: the candidate's AUC must be at least {@code minAucRatio} times the current
 * one's, and, unless the ratio is below 1, strictly above it (a tie keeps the current bundle). So
 * the default ratio 1 promotes only a better candidate; 0.95 also promotes one up to 5 % worse, to
 * follow recent data. A current bundle that cannot be scored is always replaced.
 *
 * @param minAucRatio the fewest times the current AUC the candidate's must reach, positive
 * @param force promote whatever the AUCs
 */
public record PromotionGate(double minAucRatio, boolean force) {

  /** Only a strictly better candidate. */
  public static final double DEFAULT_MIN_AUC_RATIO = 1.0;

  public PromotionGate {
    if (!(minAucRatio > 0) || Double.isInfinite(minAucRatio)) {
      throw new IllegalArgumentException(
          "the minimum AUC ratio must be a positive number, was " + minAucRatio);
    }
  }

  /** The default gate: promote only a strictly better candidate. */
  public static PromotionGate defaults() {
    return new PromotionGate(DEFAULT_MIN_AUC_RATIO, false);
  }

  /**
   * @param promote whether the candidate replaces the current bundle
   * @param reason the rule and how the AUCs met it, in words
   */
  public record Verdict(boolean promote, String reason) {}

  /**
   * @param currentAuc NaN when the current bundle cannot be scored
   */
  public Verdict judge(double candidateAuc, double currentAuc) {
    if (Double.isNaN(currentAuc)) {
      return new Verdict(true, "the current bundle cannot be scored: promoted");
    }
    boolean passes =
        candidateAuc >= minAucRatio * currentAuc && (minAucRatio < 1 || candidateAuc > currentAuc);
    String comparison =
        String.format(
            Locale.ROOT,
            "%s: AUC %s %.4f needed, the candidate has %.4f",
            rule(),
            minAucRatio == 1 ? ">" : ">=",
            minAucRatio * currentAuc,
            candidateAuc);
    if (passes) {
      return new Verdict(true, comparison + ": promoted");
    }
    if (force) {
      return new Verdict(true, comparison + ": promoted anyway (--force)");
    }
    return new Verdict(false, comparison + ": not promoted");
  }

  /** The rule in words. */
  public String rule() {
    if (minAucRatio == 1) {
      return "candidate AUC above the current AUC";
    }
    return String.format(
        Locale.ROOT,
        "candidate AUC at least %s x the current AUC%s",
        minAucRatio,
        minAucRatio < 1 ? "" : " and above it");
  }
}
