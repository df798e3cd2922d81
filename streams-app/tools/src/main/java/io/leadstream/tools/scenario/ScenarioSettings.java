package io.leadstream.tools.scenario;

import io.leadstream.models.training.SyntheticLeadGenerator.Regime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the closed-loop scenario runs with.
 *
 * @param leadsPerPhase new leads generated, scored and closed in each phase
 * @param seed seed of the generator and of the outcomes
 * @param shiftedTo the hidden process from the first lead of phase B on
 * @param outcomeDelay time from a lead's event to its outcome; longer than the labels' horizon, so
 *     that the label is joined with the event
 * @param margin a version warns when its live AUC is below its card's hold-out AUC minus this
 * @param calibrationMargin a version warns when mean score / 100 and observed rate differ by more
 * @param retrain retrain from {@code leads.labelled} after phase B and run phase C on what it
 *     promoted
 * @param startBundle the bundle the pipeline starts with (a folder or {@code classpath:}), copied
 *     into {@code workDir/<its name>}, the folder it reloads from
 * @param workDir where the bundle folder goes
 * @param overrides further pipeline settings
 */
public record ScenarioSettings(
    int leadsPerPhase,
    long seed,
    Regime shiftedTo,
    Duration outcomeDelay,
    double margin,
    double calibrationMargin,
    boolean retrain,
    String startBundle,
    Path workDir,
    Map<String, String> overrides) {

  public ScenarioSettings {
    if (leadsPerPhase < 20) {
      throw new IllegalArgumentException(
          "a phase needs at least 20 leads for an AUC worth reading, not " + leadsPerPhase);
    }
    overrides = Map.copyOf(overrides);
  }
}
