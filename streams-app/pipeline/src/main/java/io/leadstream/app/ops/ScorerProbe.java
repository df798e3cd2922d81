package io.leadstream.app.ops;

import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.model.ScorerCheck;
import io.leadstream.app.streams.errors.Causes;
import io.leadstream.models.bundle.StageTimer;

/**
 * Readiness' model check: scores the canary leads with a scorer of its own (predictors are not
 * thread-safe) on the bundle serving now, reopened when the bundle changes or after a failure.
 */
public final class ScorerProbe implements AutoCloseable {

  private final ActiveModel model;
  private ActiveModel.Lease lease;

  public ScorerProbe(ActiveModel model) {
    this.model = model;
  }

  /** Scores the canaries; never throws. */
  public synchronized Check run() {
    String version = model.current().version();
    try {
      if (lease == null || !lease.scorer().bundleVersion().equals(version)) {
        close();
        lease = model.openScorer(StageTimer.NONE);
      }
      ScorerCheck.checkCanaries(lease.scorer());
      return Check.up("bundle " + version + " scores the canary leads");
    } catch (RuntimeException e) {
      close();
      return Check.down("bundle " + version + " fails on the canary leads: " + Causes.rootCause(e));
    }
  }

  @Override
  public synchronized void close() {
    if (lease != null) {
      try {
        lease.close();
      } catch (RuntimeException e) {
        // a broken model may fail to close too; the lease is dropped either way
      }
      lease = null;
    }
  }
}
