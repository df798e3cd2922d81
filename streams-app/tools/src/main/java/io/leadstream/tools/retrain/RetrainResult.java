package io.leadstream.tools.retrain;

import io.leadstream.models.training.TrainingSummary;
import java.nio.file.Path;

/**
 * What a retraining run did.
 *
 * @param outcome promoted, not promoted, or refused before or while training
 * @param reason the decision, or the refusal, in words
 * @param split the labelled leads as split by outcome time
 * @param currentVersion the version in the bundle folder when the run started
 * @param candidate where the candidate was written; null when refused before training
 * @param summary the candidate's training summary (its version, hold-out figures); null when
 *     refused
 * @param comparison both bundles on the comparison window; null when refused
 */
public record RetrainResult(
    Outcome outcome,
    String reason,
    OutcomeSplit split,
    String currentVersion,
    Path candidate,
    TrainingSummary summary,
    WindowComparison comparison) {

  /** How a run ended. */
  public enum Outcome {
    /** The candidate is in the bundle folder; the replaced version is in the history. */
    PROMOTED,
    /** The candidate stays in {@code <bundle>.candidate}; the gate kept the current bundle. */
    NOT_PROMOTED,
    /** No candidate: the labelled leads cannot train and judge one. */
    REFUSED
  }

  static RetrainResult refused(String reason, OutcomeSplit split, String currentVersion) {
    return new RetrainResult(Outcome.REFUSED, reason, split, currentVersion, null, null, null);
  }

  /** The candidate's version; null when refused. */
  public String candidateVersion() {
    return summary == null ? null : summary.version();
  }
}
