package io.leadstream.app.streams.processors;

import io.leadstream.app.model.ScorerCheck;
import io.leadstream.app.streams.errors.Causes;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.errors.ModelFailureException;
import io.leadstream.models.bundle.LeadScorer;

/**
 * Tells a record the model cannot score from a model that cannot score at all, by scoring the
 * canary leads with the same scorer right after the failure: if they score, the record is
 * dead-lettered as UNSCORABLE; if not, the bundle is broken and the task must stop.
 */
final class ModelFailures {

  private ModelFailures() {}

  static RuntimeException classify(RuntimeException failure, LeadScorer scorer, String stage) {
    try {
      ScorerCheck.check(scorer);
    } catch (RuntimeException canaryFailure) {
      failure.addSuppressed(canaryFailure);
      return new ModelFailureException(
          "bundle "
              + scorer.bundleVersion()
              + " failed to "
              + stage
              + " and fails on the canary leads too: "
              + Causes.rootCause(failure),
          failure);
    }
    return new InvalidLeadException(
        DeadLetterReason.UNSCORABLE,
        "bundle "
            + scorer.bundleVersion()
            + " failed to "
            + stage
            + " this record ("
            + Causes.rootCause(failure).getClass().getSimpleName()
            + ") while it scores the canary leads",
        failure);
  }
}
