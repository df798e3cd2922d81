package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.bundle.StageTimer;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.training.crm.CrmTrainingSet;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping without text columns trains a bundle that says so and never runs an encoder. */
class FieldsOnlyBundleTest {

  @TempDir Path dir;

  @Test
  void shouldTrainAFieldsOnlyBundleThatNamesNoEncoderAndNeverReadsText() throws Exception {
    Path export = GeneratedExport.write(dir, "export.csv", 600, 11, 1.0);
    Path mapping = GeneratedExport.text(dir, "mapping.yaml", GeneratedExport.FIELDS_ONLY_MAPPING);
    List<String> stages = new ArrayList<>();
    Path out = dir.resolve("fields");

    TrainingSummary summary =
        new BundleTrainer(
                TrainingConfig.defaults("fields", 3),
                (stage, done, total) -> {
                  if (!stages.contains(stage)) {
                    stages.add(stage);
                  }
                })
            .train(CrmTrainingSet.read(export, mapping).set(), out);

    assertThat(stages).containsExactly("scorer", "evaluate", "write");
    assertThat(summary.inputs()).startsWith("fields only");
    assertThat(summary.baselines())
        .containsOnlyKeys("logistic regression, same features", "base rate (no model)");
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.encoder()).isNull();
    assertThat(manifest.readsNoText()).isTrue();
    String card = Files.readString(out.resolve(BundleTrainer.MODEL_CARD_FILE));
    assertThat(card)
        .contains("**this bundle** (fields only", "**fields only**: no text column was mapped")
        .doesNotContain(
            "text + fields",
            "goes through the encoder",
            "text encoder is named",
            "tokens are truncated",
            "English only");
    // 120 validation leads: too few for isotonic, and Platt did not help
    assertThat(manifest.calibration().method()).isEqualTo(Calibration.Method.NONE);
    assertThat(card)
        .contains("| **this bundle** (fields only) |")
        .doesNotContain("-calibrated", "before calibration");
    assertThat(ModelCard.inputs(withCalibration(manifest, Calibration.platt(1.5, -0.2))))
        .isEqualTo("fields only, platt-calibrated");

    List<String> timed = new CopyOnWriteArrayList<>();
    try (ModelBundle bundle = ModelBundle.load(out);
        LeadScorer scorer = bundle.newScorer((stage, nanos) -> timed.add(stage))) {
      List<TextSignal> texts =
          scorer.readTexts(
              List.of("Budget approved, send the contract.", "Student project, no budget.", ""));
      LeadEvent lead = lead("referral", "25", "Budget approved, send the contract.");
      LeadScore score = scorer.score(lead, texts.get(0));

      assertThat(texts)
          .extracting(TextSignal::opportunityProbability)
          .containsOnly(texts.get(2).opportunityProbability());
      assertThat(texts).allSatisfy(t -> assertThat(t.readable()).isTrue());
      assertThat(timed).doesNotContain(StageTimer.TOKENIZE, StageTimer.ENCODE, StageTimer.HEAD);
      assertThat(score.reasons())
          .isNotEmpty()
          .extracting(Reason::getFeature)
          .doesNotContain(LeadMapping.TEXT_FEATURE, "opportunity_probability");
      assertThat(bundle.featureSpec().features())
          .extracting(FeatureSpec.Feature::source)
          .doesNotContain(FeatureSpec.OPPORTUNITY_PROBABILITY);
    }
  }

  private static BundleManifest withCalibration(BundleManifest m, Calibration calibration) {
    return new BundleManifest(
        m.format(),
        m.name(),
        m.version(),
        m.createdAt(),
        m.encoder(),
        m.head(),
        m.scorer(),
        m.features(),
        m.tiers(),
        m.training(),
        m.evaluation(),
        m.files(),
        m.tierRule(),
        calibration,
        m.segments(),
        m.zeroShot(),
        m.objective(),
        m.language(),
        m.fieldPrior(),
        m.driftReference());
  }

  private static LeadEvent lead(String source, String visits, String notes) {
    return LeadEvent.newBuilder()
        .setEventId("e")
        .setLeadId("l")
        .setOccurredAt(Instant.EPOCH)
        .setNotes(notes)
        .setAttributes(Map.of("source", source, "visits", visits))
        .build();
  }
}
