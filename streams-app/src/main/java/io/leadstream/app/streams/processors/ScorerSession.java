package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.ActiveModel;
import io.leadstream.app.streams.errors.ModelFailureException;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.StageTimer;

/**
 * A processor's own {@link LeadScorer} (DJL predictors are not thread-safe), reopened on the new
 * bundle when the active bundle's version changes.
 */
final class ScorerSession implements AutoCloseable {

  private final ActiveModel model;
  private final StageTimer timer;
  private ActiveModel.Lease lease;

  ScorerSession(ActiveModel model, StageTimer timer) {
    this.model = model;
    this.timer = timer;
  }

  /** @throws ModelFailureException when no scorer can be opened on the serving bundle */
  LeadScorer scorer() {
    String version = model.current().version();
    if (lease == null || !lease.scorer().bundleVersion().equals(version)) {
      close();
      try {
        lease = model.openScorer(timer);
      } catch (RuntimeException e) {
        throw new ModelFailureException("cannot open a scorer on bundle " + version + ": " + e.getMessage(), e);
      }
    }
    return lease.scorer();
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }
}
