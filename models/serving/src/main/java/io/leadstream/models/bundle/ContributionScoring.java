package io.leadstream.models.bundle;

import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.List;

/**
 * Scores a lead from its per-column contributions on the model's margin scale (log-odds, or a
 * regression's value), bias last, as XGBoost's SHAP values or a {@code FieldPrior} give them: the
 * calibrated probability of their sum, the score, its tier, and the strongest factors in score
 * points ({@link #pointsPerUnit}). Stateless and thread-safe.
 */
final class ContributionScoring {

  private final Calibration calibration;
  private final Objective objective;
  private final TierPolicy tiers;
  private final ReasonExplainer explainer;

  ContributionScoring(
      Calibration calibration, Objective objective, TierPolicy tiers, ReasonExplainer explainer) {
    this.calibration = calibration;
    this.objective = objective;
    this.tiers = tiers;
    this.explainer = explainer;
  }

  LeadScore score(LeadEvent event, TextSignal text, float[] contributions) {
    double margin = 0;
    for (float contribution : contributions) {
      margin += contribution;
    }
    double probability = calibration.apply(objective.fromMargin(margin));
    int score = (int) Math.round(100 * probability);
    double pointsPerUnit = pointsPerUnit(margin, contributions[contributions.length - 1]);
    List<Reason> reasons =
        explainer.explainAt(
            event,
            text,
            contributions,
            pointsPerUnit,
            ReasonExplainer.DEFAULT_POSITIVE,
            ReasonExplainer.DEFAULT_NEGATIVE);
    return new LeadScore(probability, score, tiers.tierOf(score), reasons);
  }

  /**
   * Score points per unit of contribution: the slope of the score between the average lead (the
   * bias alone) and this lead, {@code (S(margin) - S(bias)) / (margin - bias)} with {@code S} = 100
   * x calibrated probability. The factors' points then add up to the lead's distance from the
   * average lead's score, at any score: a slope taken at the lead itself flattens to nothing near 0
   * and 100, where the sigmoid does. Leads next to the average take the slope over a small step
   * around them.
   */
  double pointsPerUnit(double margin, double bias) {
    double span = margin - bias;
    if (Math.abs(span) < 1e-3) {
      return (score(margin + 1e-3) - score(margin - 1e-3)) / 2e-3;
    }
    return (score(margin) - score(bias)) / span;
  }

  private double score(double margin) {
    return 100 * calibration.apply(objective.fromMargin(margin));
  }
}
