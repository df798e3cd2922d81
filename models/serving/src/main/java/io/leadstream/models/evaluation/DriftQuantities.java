package io.leadstream.models.evaluation;

import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.bundle.DriftReference.Kind;
import io.leadstream.models.bundle.DriftReference.Quantity;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.schema.EventScore;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.ScoredEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantities drift is measured on, one number per scored lead, the same at training and live:
 * p(opportunity) and the score as served, and features as {@link FeatureExtractor#value} reads them
 * from the lead's event. Needs the bundle's feature spec only, no model: p(opportunity) is the one
 * served, so no feature needs the encoder.
 */
public final class DriftQuantities {

  /** How many features drift follows, the most important first. */
  public static final int FEATURES = 5;

  /** Name of the p(opportunity) quantity. */
  public static final String OPPORTUNITY_PROBABILITY = FeatureSpec.OPPORTUNITY_PROBABILITY;

  /** Name of the score quantity. */
  public static final String SCORE = "score";

  private final FeatureSpec spec;

  /**
   * @param spec the bundle's features; null for a bundle without (text only, field prior)
   */
  public DriftQuantities(FeatureSpec spec) {
    this.spec = spec == null ? new FeatureSpec(List.of()) : spec;
  }

  /**
   * The features drift follows: the first {@value #FEATURES} of {@code byImportance} (feature
   * labels, most important first, as the trainer ranks them), leaving out the one that reads
   * p(opportunity), which is followed as a quantity of its own.
   */
  public List<Feature> followed(List<String> byImportance) {
    List<Feature> followed = new ArrayList<>();
    for (String label : byImportance) {
      for (Feature feature : spec.features()) {
        if (followed.size() < FEATURES
            && feature.label().equals(label)
            && !feature.source().equals(FeatureSpec.OPPORTUNITY_PROBABILITY)
            && !followed.contains(feature)) {
          followed.add(feature);
        }
      }
    }
    return followed;
  }

  /**
   * The reference of training leads: p(opportunity), the score and the {@code followed} features.
   *
   * @param split which training leads these are, e.g. {@code train}
   * @param events the leads' events
   * @param p their p(opportunity)
   * @param scores their scores, 0-100
   */
  public DriftReference reference(
      String split, List<Feature> followed, List<LeadEvent> events, double[] p, int[] scores) {
    List<Quantity> quantities = new ArrayList<>();
    quantities.add(ReferenceBins.of(Kind.OPPORTUNITY_PROBABILITY, OPPORTUNITY_PROBABILITY, p));
    double[] scoreValues = new double[scores.length];
    for (int k = 0; k < scores.length; k++) {
      scoreValues[k] = scores[k];
    }
    quantities.add(ReferenceBins.of(Kind.SCORE, SCORE, scoreValues));
    for (Feature feature : followed) {
      double[] values = new double[events.size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = FeatureExtractor.value(feature, events.get(k), p[k]);
      }
      quantities.add(ReferenceBins.of(Kind.FEATURE, feature.name(), values));
    }
    return new DriftReference(split, events.size(), quantities);
  }

  /**
   * How far the {@code live} leads, as scored (event, p(opportunity) and score), have moved from
   * {@code reference}, per quantity in its order.
   *
   * @throws IllegalArgumentException when the reference names a feature the spec does not have (a
   *     manifest that reads refuses that)
   */
  public List<QuantityDrift> drift(DriftReference reference, List<ScoredEvent> live) {
    List<QuantityDrift> drift = new ArrayList<>();
    for (Quantity quantity : reference.quantities()) {
      Feature feature = quantity.kind() == Kind.FEATURE ? feature(quantity.name()) : null;
      double[] values = new double[live.size()];
      for (int k = 0; k < values.length; k++) {
        EventScore score = live.get(k).getScore();
        values[k] =
            switch (quantity.kind()) {
              case OPPORTUNITY_PROBABILITY -> score.getOpportunityProbability();
              case SCORE -> score.getScore();
              case FEATURE ->
                  FeatureExtractor.value(
                      feature, live.get(k).getEvent(), score.getOpportunityProbability());
            };
      }
      drift.add(PopulationStability.compare(quantity, values));
    }
    return drift;
  }

  private Feature feature(String name) {
    return spec.features().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException("no feature '" + name + "' in the bundle's features"));
  }
}
