package io.leadstream.models.training;

import java.util.Arrays;
import java.util.Locale;

/** Refuses to train on labels that cannot give an honest model. */
public final class TrainingGuards {

  /** Fewest converted (and fewest not converted) leads a training run accepts. */
  public static final int MIN_PER_CLASS = 50;

  private TrainingGuards() {}

  /** Fewest leads a regression trains on. */
  public static final int MIN_REGRESSION_LEADS = 200;

  /**
   * @throws TrainingRefusedException when a continuous target is constant or has fewer than {@link
   *     #MIN_REGRESSION_LEADS} leads
   */
  public static void requireTrainable(double[] targets) {
    if (targets.length < MIN_REGRESSION_LEADS) {
      throw new TrainingRefusedException(
          String.format(
              Locale.ROOT,
              "only %d leads have a target (at least %d are needed to train and measure a"
                  + " regression)",
              targets.length,
              MIN_REGRESSION_LEADS));
    }
    double first = targets[0];
    if (Arrays.stream(targets).allMatch(t -> t == first)) {
      throw new TrainingRefusedException(
          String.format(
              Locale.ROOT,
              "the target is constant: all %,d leads have %s. Check the label column in the mapping.",
              targets.length,
              first));
    }
  }

  /**
   * @throws TrainingRefusedException when the label is constant or either class has fewer than
   *     {@link #MIN_PER_CLASS} leads
   */
  public static void requireTrainable(boolean[] labels) {
    int positives = 0;
    for (boolean label : labels) {
      positives += label ? 1 : 0;
    }
    int negatives = labels.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new TrainingRefusedException(
          String.format(
              Locale.ROOT,
              "the label is constant: all %,d leads are labelled %s. A model needs both converted and"
                  + " not converted leads; check which label values the mapping counts as converted.",
              labels.length,
              positives == 0 ? "not converted" : "converted"));
    }
    int fewest = Math.min(positives, negatives);
    if (fewest < MIN_PER_CLASS) {
      String which = positives < negatives ? "converted" : "not converted";
      throw new TrainingRefusedException(
          String.format(
              Locale.ROOT,
              "only %d of %,d leads are %s (at least %d are needed): the hold-out would hold about %d"
                  + " of them, too few to measure a model. Export a longer history, or check the"
                  + " label mapping.",
              fewest,
              labels.length,
              which,
              MIN_PER_CLASS,
              Math.round(fewest * 0.2)));
    }
  }
}
