package io.leadstream.models.bundle;

import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.ReasonPhrases;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.List;
import java.util.Locale;

/**
 * Scores a lead by its text alone, the cold-start path of a team with no labelled history:
 * probability = {@code calibration(p(opportunity))} (the identity unless the manifest says
 * otherwise), score = {@code round(100 * probability)}, tier from the manifest's fixed thresholds.
 * The one reason names what the text read as; its contribution is the score minus the score of a
 * lead without readable text (the prior's), so a text that moved nothing shows 0. Structured fields
 * are not read. Stateless.
 */
final class TextOnlyScoreModel implements ScoreModel {

  /** {@code Reason.feature} of the text reason: the name trained bundles give the text feature. */
  static final String FEATURE = "opportunity_probability";

  private final Calibration calibration;
  private final TierPolicy tiers;
  private final double prior;
  private final ReasonPhrases phrases;

  TextOnlyScoreModel(
      Calibration calibration, TierPolicy tiers, double prior, ReasonPhrases phrases) {
    this.calibration = calibration;
    this.tiers = tiers;
    this.prior = prior;
    this.phrases = phrases;
  }

  @Override
  public LeadScore score(LeadEvent event, TextSignal text) {
    double probability = calibration.apply(text.opportunityProbability());
    int score = (int) Math.round(100 * probability);
    double baseline = 100 * calibration.apply(prior);
    double points = Math.round((100 * probability - baseline) * 100) / 100.0;
    Reason reason = new Reason(FEATURE, label(event, text), points);
    return new LeadScore(probability, score, tiers.tierOf(score), List.of(reason));
  }

  private String label(LeadEvent event, TextSignal text) {
    if (LeadText.of(event).isBlank()) {
      return phrases.format(
          ReasonPhrases.Phrase.NO_TEXT, String.format(Locale.ROOT, "%.2f", prior));
    }
    return ReasonExplainer.textLabel(text, phrases);
  }

  @Override
  public void close() {}
}
