package io.leadstream.models.bundle;

import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FieldPrior;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;

/**
 * Scores with the manifest's hand-set {@link FieldPrior} (the cold-start bundle's scorer before any
 * labelled history): each term's contribution in log-odds, reasons as for XGBoost's SHAP values.
 * Stateless.
 */
final class FieldPriorScoreModel implements ScoreModel {

  private final FieldPrior prior;
  private final FeatureExtractor features;
  private final ContributionScoring scoring;

  FieldPriorScoreModel(FieldPrior prior, FeatureExtractor features, ContributionScoring scoring) {
    this.prior = prior;
    this.features = features;
    this.scoring = scoring;
  }

  @Override
  public LeadScore score(LeadEvent event, TextSignal text) {
    float[] row = features.extract(event, text.opportunityProbability());
    return scoring.score(event, text, prior.contributions(row));
  }

  @Override
  public void close() {}
}
