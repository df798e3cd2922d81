package io.leadstream.app.streams.processors;

import io.leadstream.app.model.ActiveModel;
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

  /**
   * @throws ModelFailureException when no scorer can be opened on the serving bundle
   */
  LeadScorer scorer() {
    try {
      String version = model.current().version();
      if (lease == null || !lease.scorer().bundleVersion().equals(version)) {
        close();
        lease = model.openScorer(timer);
      }
      return lease.scorer();
    } catch (RuntimeException e) {
      throw new ModelFailureException(
          "cannot open a scorer on the serving bundle: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }
}
