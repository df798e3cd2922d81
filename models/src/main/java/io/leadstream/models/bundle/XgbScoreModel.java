package io.leadstream.models.bundle;

import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.SegmentRouter;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.scoring.XgbScorer;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.List;
import java.util.Map;

/**
 * Scores with the bundle's XGBoost booster(s) over the feature spec, p(opportunity) being one
 * feature; reasons are the SHAP contributions in score points. Owns its boosters.
 */
final class XgbScoreModel implements ScoreModel {

  private final FeatureExtractor features;
  private final Scorers scorers;
  private final SegmentRouter router;
  private final Calibration calibration;
  private final Objective objective;
  private final TierPolicy tiers;
  private final ReasonExplainer explainer;

  XgbScoreModel(
      FeatureExtractor features,
      Scorers scorers,
      Calibration calibration,
      Objective objective,
      TierPolicy tiers,
      ReasonExplainer explainer) {
    this.features = features;
    this.scorers = scorers;
    this.router = new SegmentRouter(scorers.segmentSource(), scorers.main(), scorers.bySegment());
    this.calibration = calibration;
    this.objective = objective;
    this.tiers = tiers;
    this.explainer = explainer;
  }

  @Override
  public LeadScore score(LeadEvent event, TextSignal text) {
    float[] row = features.extract(event, text.opportunityProbability());
    float[] contributions = router.scorerFor(event).contributions(row);
    double margin = 0;
    for (float contribution : contributions) {
      margin += contribution;
    }
    double raw = objective.fromMargin(margin);
    double probability = calibration.apply(raw);
    int score = (int) Math.round(100 * probability);
    double pointsPerUnit = objective == Objective.BINARY
        ? raw * (1 - raw) * 100
        : 100 * localSlope(calibration, raw);
    List<Reason> reasons = explainer.explainAt(event, text, contributions, pointsPerUnit,
        ReasonExplainer.DEFAULT_POSITIVE, ReasonExplainer.DEFAULT_NEGATIVE);
    return new LeadScore(probability, score, tiers.tierOf(score), reasons);
  }

  /** How fast the score's scale moves at {@code value}: over 1 % of the calibration's range. */
  private static double localSlope(Calibration calibration, double value) {
    double[] knots = calibration.x();
    double step = knots.length < 2 ? 1e-6
        : Math.max(1e-9, (knots[knots.length - 1] - knots[0]) * 0.01);
    return (calibration.apply(value + step) - calibration.apply(value - step)) / (2 * step);
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
