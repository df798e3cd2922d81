package io.leadstream.models.bundle;

import io.leadstream.models.inference.TextEmbedding;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.scoring.XgbScorer;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.ArrayList;
import java.util.List;

/** The {@link LeadScorer} of a {@link ModelBundle}: one encoder predictor, one booster. */
final class BundleScorer implements LeadScorer {

  private final String version;
  private final TextEncoder encoder;
  private final OpportunityHead head;
  private final FeatureExtractor features;
  private final XgbScorer scorer;
  private final TierPolicy tiers;
  private final ReasonExplainer explainer;

  BundleScorer(
      String version,
      TextEncoder encoder,
      OpportunityHead head,
      FeatureExtractor features,
      XgbScorer scorer,
      TierPolicy tiers,
      ReasonExplainer explainer) {
    this.version = version;
    this.encoder = encoder;
    this.head = head;
    this.features = features;
    this.scorer = scorer;
    this.tiers = tiers;
    this.explainer = explainer;
  }

  @Override
  public TextSignal readText(String text) {
    return readTexts(List.of(text == null ? "" : text)).get(0);
  }

  @Override
  public List<TextSignal> readTexts(List<String> texts) {
    List<String> nonBlank = new ArrayList<>();
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        nonBlank.add(text);
      }
    }
    List<TextEmbedding> embeddings = nonBlank.isEmpty() ? List.of() : encoder.embed(nonBlank);
    List<TextSignal> signals = new ArrayList<>(texts.size());
    int next = 0;
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        signals.add(new TextSignal(head.prior(), 0.0));
      } else {
        TextEmbedding embedding = embeddings.get(next++);
        signals.add(
            new TextSignal(head.probability(embedding.vector()), embedding.unknownTokenRatio()));
      }
    }
    return signals;
  }

  @Override
  public LeadScore score(LeadEvent event, double opportunityProbability) {
    float[] row = features.extract(event, opportunityProbability);
    float[] contributions = scorer.contributions(row);
    double margin = 0;
    for (float contribution : contributions) {
      margin += contribution;
    }
    double probability = 1.0 / (1.0 + Math.exp(-margin));
    int score = (int) Math.round(100 * probability);
    List<Reason> reasons =
        explainer.explain(
            event, opportunityProbability, contributions, probability,
            ReasonExplainer.DEFAULT_LIMIT);
    return new LeadScore(probability, score, tiers.tierOf(score), reasons);
  }

  @Override
  public String bundleVersion() {
    return version;
  }

  @Override
  public void close() {
    try {
      encoder.close();
    } finally {
      scorer.close();
    }
  }
}
