package io.leadstream.tools.scenario;

import java.util.List;

/**
 * A scenario run.
 *
 * @param phases the phases in order with their evaluations
 * @param retrain the retrain between phases B and C; null when the run had none
 */
public record ScenarioResult(List<PhaseResult> phases, RetrainStep retrain) {

  public ScenarioResult {
    phases = List.copyOf(phases);
  }

  /** The phase named {@code name}. */
  public PhaseResult phase(String name) {
    return phases.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no phase " + name));
  }
}
