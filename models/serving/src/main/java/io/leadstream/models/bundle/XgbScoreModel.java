package io.leadstream.models.bundle;

import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.SegmentRouter;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.XgbScorer;
import io.leadstream.schema.LeadEvent;
import java.util.Map;

/**
 * Scores with the bundle's XGBoost booster(s) over the feature spec, p(opportunity) being one
 * feature; reasons are the strongest SHAP contributions, in score points ({@link
 * ContributionScoring}). Owns its boosters.
 */
final class XgbScoreModel implements ScoreModel {

  private final FeatureExtractor features;
  private final Scorers scorers;
  private final SegmentRouter router;
  private final ContributionScoring scoring;

  XgbScoreModel(FeatureExtractor features, Scorers scorers, ContributionScoring scoring) {
    this.features = features;
    this.scorers = scorers;
    this.router = new SegmentRouter(scorers.segmentSource(), scorers.main(), scorers.bySegment());
    this.scoring = scoring;
  }

  @Override
  public LeadScore score(LeadEvent event, TextSignal text) {
    float[] row = features.extract(event, text.opportunityProbability());
    float[] contributions = router.scorerFor(event).contributions(row);
    return scoring.score(event, text, contributions);
  }

  @Override
  public void close() {
    scorers.close();
  }

  /**
   * The boosters of one scorer, owned by it.
   *
   * @param segmentSource the LeadEvent source naming a lead's segment, or null
   * @param main the scorer of leads without a segment model
   * @param bySegment scorer by segment value
   */
  record Scorers(String segmentSource, XgbScorer main, Map<String, XgbScorer> bySegment)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        main.close();
      } finally {
        bySegment.values().forEach(XgbScorer::close);
      }
    }
  }
}
