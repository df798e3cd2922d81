package io.leadstream.models.training;

import io.leadstream.models.bundle.Objective;
import java.util.Arrays;

/**
 * What a run learns: the leads' converted flags (binary), or a continuous target such as deal value
 * (regression). A regression also gets binary labels, "target above the median", which stratify the
 * split, train the text head and rank the leads in the hold-out report.
 *
 * @param objective binary or regression
 * @param labels converted flags, or target above the median
 * @param values the continuous targets, or null for binary
 */
record Targets(Objective objective, boolean[] labels, double[] values) {

  static Targets of(TrainingSet data) {
    if (!data.regression()) {
      return new Targets(Objective.BINARY, data.labels(), null);
    }
    double[] values = data.targets();
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    boolean[] above = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      above[i] = values[i] > median;
    }
    return new Targets(Objective.REGRESSION, above, values);
  }

  /**
   * @throws TrainingRefusedException when the label cannot give an honest model
   */
  void requireTrainable() {
    if (objective == Objective.BINARY) {
      TrainingGuards.requireTrainable(labels);
    } else {
      TrainingGuards.requireTrainable(values);
    }
  }

  /** XGBoost's label for the given rows. */
  float[] y(int[] rows) {
    return objective == Objective.BINARY
        ? ScorerTrainer.toFloat(Rows.select(labels, rows))
        : ScorerTrainer.toFloat(Rows.select(values, rows));
  }
}
