package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.ActiveModel;
import io.leadstream.models.bundle.LeadScorer;

/**
 * A processor's own {@link LeadScorer} (DJL predictors are not thread-safe), reopened when the
 * active bundle changes.
 */
final class ScorerSession implements AutoCloseable {

  private final ActiveModel model;
  private LeadScorer scorer;

  ScorerSession(ActiveModel model) {
    this.model = model;
  }

  LeadScorer scorer() {
    String version = model.current().version();
    if (scorer == null || !scorer.bundleVersion().equals(version)) {
      close();
      scorer = model.current().newScorer();
    }
    return scorer;
  }

  @Override
  public void close() {
    if (scorer != null) {
      scorer.close();
      scorer = null;
    }
  }
}
