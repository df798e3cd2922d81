package io.leadstream.app.evaluation;

import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a model version's warnings when they start (WARN, with the figures) and when they end
 * (INFO), not at every evaluation while they last.
 */
final class WarningLog {

  private static final Logger log = LoggerFactory.getLogger(WarningLog.class);

  private final EvaluationSettings settings;
  private final Map<String, Set<WarningKind>> warning = new HashMap<>();

  WarningLog(EvaluationSettings settings) {
    this.settings = settings;
  }

  /** Logs what changed since the previous report. */
  synchronized void show(Report report) {
    Map<String, Set<WarningKind>> now = new HashMap<>();
    for (VersionReport version : report.versions()) {
      Set<WarningKind> kinds = WarningKind.of(version, settings);
      Set<WarningKind> before =
          warning.getOrDefault(version.modelVersion(), EnumSet.noneOf(WarningKind.class));
      if (!before.containsAll(kinds)) {
        log.warn(
            "Live evaluation: model {} warns over the last {} (until {}): {}",
            version.modelVersion(),
            settings.windowLabel(),
            report.until(),
            String.join("; ", version.warnings()));
      } else if (kinds.isEmpty() && !before.isEmpty()) {
        log.info(
            "Live evaluation: model {} no longer warns over the last {} ({} leads, AUC {})",
            version.modelVersion(),
            settings.windowLabel(),
            version.count(),
            version.auc());
      }
      if (!kinds.isEmpty()) {
        now.put(version.modelVersion(), kinds);
      }
    }
    warning.clear();
    warning.putAll(now);
  }
}
