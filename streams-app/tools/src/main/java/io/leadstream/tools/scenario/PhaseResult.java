package io.leadstream.tools.scenario;

import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;

/**
 * One phase of the scenario and the live evaluation of its window.
 *
 * @param name A, B, C
 * @param description what the phase is, e.g. "before the shift"
 * @param regime name of the hidden process its leads were drawn from
 * @param leads leads sent (one event each)
 * @param outcomes outcomes sent, one per lead
 * @param firstOutcome ISO-8601 outcome time of the phase's first lead: the window starts just
 *     before it
 * @param lastOutcome ISO-8601 outcome time of its last lead, the window's end
 * @param servingVersion the bundle version serving while the phase's leads were scored
 * @param report the live evaluation of the phase's window
 */
public record PhaseResult(
    String name,
    String description,
    String regime,
    int leads,
    int outcomes,
    String firstOutcome,
    String lastOutcome,
    String servingVersion,
    Report report) {

  /** The evaluation of the version that scored the phase's leads; null when none did. */
  public VersionReport serving() {
    return report.versions().stream()
        .filter(v -> v.modelVersion().equals(servingVersion))
        .findFirst()
        .orElse(null);
  }
}
