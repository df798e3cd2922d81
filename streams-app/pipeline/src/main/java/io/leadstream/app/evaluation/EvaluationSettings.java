package io.leadstream.app.evaluation;

import io.leadstream.app.config.LeadStreamConfig;
import java.time.Duration;

/**
 * How the running app evaluates its scores: every {@code interval}, over the outcomes of the last
 * {@code window}, warning by the margins and drift threshold of {@link LiveEvaluation#evaluate}.
 */
public record EvaluationSettings(
    Duration interval,
    Duration window,
    double aucMargin,
    double calibrationMargin,
    double driftThreshold) {

  /** The settings of {@code config}; its interval must not be off. */
  public static EvaluationSettings from(LeadStreamConfig config) {
    return new EvaluationSettings(
        config.evaluationInterval().orElseThrow(),
        config.evaluationWindow(),
        config.evaluationAucMargin(),
        config.evaluationCalibrationMargin(),
        config.evaluationDriftThreshold());
  }

  /**
   * The window as the metrics' {@code window} label: in the largest whole unit of days, hours,
   * minutes or seconds, e.g. {@code 30d}, {@code 36h}.
   */
  public String windowLabel() {
    if (window.toSeconds() % 86_400 == 0 && window.getNano() == 0) {
      return window.toDays() + "d";
    }
    if (window.toSeconds() % 3_600 == 0 && window.getNano() == 0) {
      return window.toHours() + "h";
    }
    if (window.toSeconds() % 60 == 0 && window.getNano() == 0) {
      return window.toMinutes() + "m";
    }
    return window.toMillis() % 1000 == 0 ? window.toSeconds() + "s" : window.toMillis() + "ms";
  }
}
