package io.leadstream.models.bundle;

import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;

/**
 * How one thread turns a lead plus its text signal into a score, tier and reasons: XGBoost over the
 * feature spec ({@link XgbScoreModel}) or the text alone ({@link TextOnlyScoreModel}). Not
 * thread-safe.
 */
interface ScoreModel extends AutoCloseable {

  LeadScore score(LeadEvent event, TextSignal text);

  @Override
  void close();
}
