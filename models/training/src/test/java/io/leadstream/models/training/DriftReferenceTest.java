package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.bundle.DriftReference.Kind;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.models.evaluation.PopulationStability;
import io.leadstream.models.evaluation.QuantityDrift;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.EventScore;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.ScoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained bundle carries the training distributions drift is measured against, and fresh leads
 * drawn like its training data, scored by it, show no drift, while a population with ten times the
 * budgets shows a major one.
 */
class DriftReferenceTest {

  private static final int TRAINED = 1000;
  private static final int LIVE = 800;

  @TempDir static Path root;
  private static Path out;
  private static TrainingSummary summary;
  private static BundleManifest manifest;

  @BeforeAll
  static void train() throws Exception {
    out = root.resolve("drift");
    summary = BundleTrainer.trainSynthetic(TRAINED, 21, out, null);
    manifest = BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
  }

  @Test
  void shouldRecordTheTrainingSplitsDistributionsInTheManifest() throws Exception {
    DriftReference reference = manifest.driftReference();

    assertThat(reference).isNotNull();
    assertThat(reference.split()).isEqualTo("train");
    assertThat(reference.leads()).isEqualTo(summary.data().train());
    assertThat(reference.quantities())
        .extracting(DriftReference.Quantity::kind)
        .containsExactly(
            Kind.OPPORTUNITY_PROBABILITY,
            Kind.SCORE,
            Kind.FEATURE,
            Kind.FEATURE,
            Kind.FEATURE,
            Kind.FEATURE,
            Kind.FEATURE);
    List<String> features =
        reference.quantities().subList(2, 7).stream().map(DriftReference.Quantity::name).toList();
    assertThat(features).doesNotHaveDuplicates().contains("budget");
    assertThat(
            manifest.features().features().stream()
                .filter(f -> features.contains(f.name()))
                .map(FeatureSpec.Feature::source))
        .hasSize(5)
        .doesNotContain(FeatureSpec.OPPORTUNITY_PROBABILITY);
    for (DriftReference.Quantity quantity : reference.quantities()) {
      double total = quantity.missing();
      for (double share : quantity.shares()) {
        total += share;
      }
      assertThat(total).as(quantity.name()).isCloseTo(1.0, within(1e-9));
    }
    assertThat(BundleManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
    assertThat(Files.readString(out.resolve(BundleTrainer.MODEL_CARD_FILE)))
        .contains("## Drift reference", "train split (" + summary.data().train() + " leads)");
  }

  @Test
  void shouldShowNoDriftForLeadsDrawnLikeTheTrainingData() {
    Map<String, QuantityDrift> drift = drift(UnaryOperator.identity());

    assertThat(drift.values())
        .allSatisfy(
            d -> assertThat(d.psi()).as(d.name()).isLessThan(PopulationStability.STABLE_BELOW));
  }

  @Test
  void shouldShowAMajorShiftWhenTheBudgetsAreTenTimesLarger() {
    Map<String, QuantityDrift> drift =
        drift(
            event -> {
              if (event.getBudget() != null) {
                event.setBudget(10 * event.getBudget());
              }
              return event;
            });

    assertThat(drift.get("budget").psi()).isGreaterThan(PopulationStability.MAJOR_ABOVE);
    assertThat(drift.get("budget").reading()).isEqualTo("major shift");
    assertThat(drift.get(DriftQuantities.OPPORTUNITY_PROBABILITY).psi())
        .as("the texts did not change")
        .isLessThan(PopulationStability.STABLE_BELOW);
  }

  /** Fresh synthetic leads, changed by {@code change}, scored by the bundle and compared. */
  private static Map<String, QuantityDrift> drift(UnaryOperator<LeadEvent> change) {
    List<ScoredEvent> live = new ArrayList<>();
    try (ModelBundle bundle = ModelBundle.load(out);
        LeadScorer scorer = bundle.newScorer()) {
      for (LabelledLead lead : new SyntheticLeadGenerator(77).generate(LIVE)) {
        LeadEvent event = change.apply(lead.event());
        TextSignal text = scorer.readText(LeadText.of(event));
        LeadScore score = scorer.score(event, text);
        live.add(
            new ScoredEvent(
                event,
                EventScore.newBuilder()
                    .setEventId(event.getEventId())
                    .setScore(score.score())
                    .setOpportunityProbability(text.opportunityProbability())
                    .setTier(score.tier())
                    .setModelVersion(scorer.bundleVersion())
                    .setScoredAt(Instant.EPOCH)
                    .build()));
      }
    }
    return new DriftQuantities(manifest.features())
        .drift(manifest.driftReference(), live).stream()
            .collect(Collectors.toMap(QuantityDrift::name, d -> d));
  }
}
