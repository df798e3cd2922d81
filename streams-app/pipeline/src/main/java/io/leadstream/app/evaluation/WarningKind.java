package io.leadstream.app.evaluation;

import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import java.util.EnumSet;
import java.util.Set;

/** What a model version warns of, by the rules of {@link LiveEvaluation}. */
public enum WarningKind {
  /** The live AUC is below the card's hold-out AUC by more than the margin. */
  AUC("auc"),
  /** The mean score / 100 is off the observed conversion rate. */
  CALIBRATION("calibration"),
  /** The PSI of a quantity, training split against the window, is above the drift threshold. */
  DRIFT("drift");

  private final String label;

  WarningKind(String label) {
    this.label = label;
  }

  /** The metric label, {@code auc}, {@code calibration} or {@code drift}. */
  public String label() {
    return label;
  }

  /** The kinds {@code version} warns of with these margins. */
  public static Set<WarningKind> of(VersionReport version, EvaluationSettings settings) {
    Set<WarningKind> kinds = EnumSet.noneOf(WarningKind.class);
    if (LiveEvaluation.aucWarns(version.auc(), version.holdOut(), settings.aucMargin())) {
      kinds.add(AUC);
    }
    if (LiveEvaluation.calibrationWarns(
        version.positives(),
        version.count(),
        version.meanPredicted(),
        settings.calibrationMargin())) {
      kinds.add(CALIBRATION);
    }
    if (version.drift().stream()
        .anyMatch(q -> LiveEvaluation.driftWarns(q, settings.driftThreshold()))) {
      kinds.add(DRIFT);
    }
    return kinds;
  }
}
