package io.leadstream.models.bundle;

import io.leadstream.models.inference.TextEmbedding;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.SegmentRouter;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.scoring.XgbScorer;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@link LeadScorer} of a {@link ModelBundle}: one encoder predictor, one booster. */
final class BundleScorer implements LeadScorer {

  private final String version;
  private final TextEncoder encoder;
  private final OpportunityHead head;
  private final FeatureExtractor features;
  private final Scorers scorers;
  private final SegmentRouter router;
  private final Calibration calibration;
  private final Objective objective;
  private final TierPolicy tiers;
  private final ReasonExplainer explainer;
  private final StageTimer timer;

  BundleScorer(
      String version,
      TextEncoder encoder,
      OpportunityHead head,
      FeatureExtractor features,
      Scorers scorers,
      Calibration calibration,
      Objective objective,
      TierPolicy tiers,
      ReasonExplainer explainer,
      StageTimer timer) {
    this.version = version;
    this.encoder = encoder;
    this.head = head;
    this.features = features;
    this.scorers = scorers;
    this.router = new SegmentRouter(scorers.segmentSource(), scorers.main(), scorers.bySegment());
    this.calibration = calibration;
    this.objective = objective;
    this.tiers = tiers;
    this.explainer = explainer;
    this.timer = timer;
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
    long started = System.nanoTime();
    List<TextEmbedding> embeddings = nonBlank.isEmpty() ? List.of() : encoder.embed(nonBlank);
    long encoded = System.nanoTime();
    long tokenizing = embeddings.stream().mapToLong(TextEmbedding::tokenizeNanos).sum();
    List<TextSignal> signals = new ArrayList<>(texts.size());
    int next = 0;
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        signals.add(new TextSignal(head.prior(), 0.0));
      } else {
        TextEmbedding embedding = embeddings.get(next++);
        double ratio = embedding.unknownTokenRatio();
        signals.add(new TextSignal(
            ratio > TextSignal.MAX_UNKNOWN_RATIO ? head.prior() : head.probability(embedding.vector()),
            ratio));
      }
    }
    if (!embeddings.isEmpty()) {
      timer.record(StageTimer.TOKENIZE, tokenizing);
      timer.record(StageTimer.ENCODE, Math.max(0, encoded - started - tokenizing));
    }
    timer.record(StageTimer.HEAD, System.nanoTime() - encoded);
    return signals;
  }

  @Override
  public LeadScore score(LeadEvent event, TextSignal text) {
    long started = System.nanoTime();
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
    LeadScore result = new LeadScore(probability, score, tiers.tierOf(score), reasons);
    timer.record(StageTimer.SCORE, System.nanoTime() - started);
    return result;
  }

  /** How fast the score's scale moves at {@code value}: over 1 % of the calibration's range. */
  private static double localSlope(Calibration calibration, double value) {
    double[] knots = calibration.x();
    double step = knots.length < 2 ? 1e-6 : Math.max(1e-9, (knots[knots.length - 1] - knots[0]) * 0.01);
    return (calibration.apply(value + step) - calibration.apply(value - step)) / (2 * step);
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
      scorers.close();
    }
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
