package io.leadstream.models.training;

import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.evaluation.TierRow;
import io.leadstream.models.evaluation.TierStatistics;
import io.leadstream.models.scoring.TierPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a trained bundle tells converting leads from the others at all, in words a sales manager
 * reads. A model on inputs that do not predict the outcome still trains, splits and places tiers;
 * these warnings say that its ranking is a coin toss, so nobody prioritizes leads by it. Checked on
 * the hold-out:
 *
 * <ul>
 *   <li>the 95 % interval of the AUC includes 0.5 (a random ranking);
 *   <li>the HOT tier does not convert better than the average lead (lift at most 1).
 * </ul>
 *
 * When either holds, a last warning says how far apart the scores and the tiers are.
 */
final class SignalCheck {

  /** Scores this close together (5 % to 95 % of the hold-out) tell leads barely apart. */
  static final int NARROW_SPREAD = 5;

  private SignalCheck() {}

  /**
   * The warnings, the strongest first; empty when the bundle ranks better than chance.
   *
   * @param readsText whether the bundle reads the leads' text besides their fields
   */
  static List<String> warnings(HoldOutReport report, TierPolicy tiers, boolean readsText) {
    List<String> warnings = new ArrayList<>();
    String inputs = readsText ? "these fields and texts" : "these fields";
    Interval auc = report.aucInterval();
    if (auc != null && auc.contains(0.5)) {
      warnings.add(
          f(
              "NO SIGNAL: %s do not predict the outcome. On %,d leads it had not seen,"
                  + " the bundle ranks converted leads above the others barely better than a coin"
                  + " toss (AUC %.3f; its 95 %% interval, %.3f to %.3f, includes 0.5, which is"
                  + " chance). Do not prioritize leads by its score; look for inputs that tell"
                  + " converted leads apart (see each column alone).",
              capitalize(inputs),
              report.model().count(),
              report.model().auc(),
              auc.low(),
              auc.high()));
    }
    TierRow hot = report.tiers().get(0);
    if (hot.leads() > 0 && !(hot.lift() > 1)) {
      warnings.add(
          f(
              "HOT leads do not convert more often than any lead: %.1f %% of the %,d"
                  + " hold-out HOT leads converted, against %.1f %% of all leads (%.2f times)."
                  + " Calling HOT leads first gains nothing.",
              100 * hot.conversionRate(),
              hot.leads(),
              100 * report.model().baseRate(),
              hot.lift()));
    }
    if (!warnings.isEmpty()) {
      warnings.add(overlap(report, tiers));
    }
    return warnings;
  }

  /** How close the scores and the tiers are, in plain words. */
  static String overlap(HoldOutReport report, TierPolicy tiers) {
    int[] scores = BundleTrainer.scores(report.calibrated()).clone();
    Arrays.sort(scores);
    int low = scores[(int) Math.floor(0.05 * (scores.length - 1))];
    int high = scores[(int) Math.ceil(0.95 * (scores.length - 1))];
    StringBuilder text =
        new StringBuilder(f("Nine in ten hold-out leads score between %d and" + " %d", low, high));
    if (high - low <= NARROW_SPREAD) {
      text.append(", so the model hardly tells them apart");
    }
    text.append(
        f("; HOT starts at %d, WARM at %d, COLD at %d.", tiers.hot(), tiers.warm(), tiers.cold()));
    List<String> alike = alikeTiers(report.tiers());
    if (!alike.isEmpty()) {
      text.append(" ").append(String.join(" ", alike));
    }
    return text.toString();
  }

  /**
   * One sentence per pair of neighbouring tiers with leads whose conversion rates are not told
   * apart on the hold-out (their 95 % intervals overlap).
   */
  static List<String> alikeTiers(List<TierRow> tiers) {
    List<String> sentences = new ArrayList<>();
    TierRow previous = null;
    for (TierRow tier : tiers) {
      if (tier.leads() == 0) {
        continue;
      }
      if (previous != null) {
        Interval upper = TierStatistics.wilson(previous.converted(), previous.leads());
        Interval lower = TierStatistics.wilson(tier.converted(), tier.leads());
        if (upper.overlaps(lower)) {
          sentences.add(
              f(
                  "%s and %s leads convert alike (%.1f %% and %.1f %%; their 95 %%"
                      + " intervals, %s and %s, overlap).",
                  previous.tier(),
                  tier.tier(),
                  100 * previous.conversionRate(),
                  100 * tier.conversionRate(),
                  range(upper),
                  range(lower)));
        }
      }
      previous = tier;
    }
    return sentences;
  }

  /** An interval of rates as {@code 5.1-12.0 %}. */
  static String range(Interval interval) {
    return f("%.1f-%.1f %%", 100 * interval.low(), 100 * interval.high());
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
