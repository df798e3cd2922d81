package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.LeadEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTrainerTest {

  @TempDir Path root;

  @Test
  void shouldTrainABundleThatLoadsAndScores() throws Exception {
    Path out = root.resolve("tiny");
    List<String> stages = new ArrayList<>();

    TrainingSummary summary =
        BundleTrainer.trainSynthetic(
            300, 3, out,
            (stage, done, total) -> {
              if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                stages.add(stage);
              }
            });

    assertThat(stages).containsExactly("generate", "embed", "head", "scorer", "evaluate", "write");
    assertThat(summary.data().leads()).isEqualTo(300);
    assertThat(summary.data().train() + summary.data().validation() + summary.data().holdOut())
        .isEqualTo(300);
    assertThat(summary.holdOut().auc()).isGreaterThan(0.6);
    assertThat(summary.baselines()).containsKeys("logistic regression, same features",
        "base rate (no model)", "XGBoost on fields only (no text)", "text head only");
    assertThat(summary.baselines().get("base rate (no model)").auc()).isEqualTo(0.5);
    assertThat(summary.data().split()).isEqualTo("stratified");

    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.version()).isEqualTo(summary.version()).startsWith("tiny-");
    for (Map.Entry<String, String> file : manifest.files().entrySet()) {
      assertThat(Sha256.of(out.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
    assertThat(manifest.files()).containsKeys("plots/roc.png", "plots/calibration.png",
        "plots/score-distribution.png", "plots/feature-importance.png", "MODEL_CARD.md");
    assertThat(manifest.evaluation().tiers()).extracting(BundleManifest.TierOutcome::tier)
        .containsExactly("HOT", "WARM", "COLD", "DISQUALIFIED");
    assertThat(manifest.tierRule()).startsWith("HOT = top 10 %");
    assertThat(Files.readString(out.resolve("MODEL_CARD.md")))
        .contains("## Evaluation", "![ROC curves](plots/roc.png)", "## Calibration");

    LeadEvent lead = new SyntheticLeadGenerator(99).next().event();
    try (ModelBundle bundle = ModelBundle.load(out);
        LeadScorer scorer = bundle.newScorer()) {
      double p = scorer.readText(LeadText.of(lead)).opportunityProbability();
      LeadScore score = scorer.score(lead, p);

      assertThat(p).isBetween(0.0, 1.0);
      assertThat(score.score()).isBetween(0, 100);
      assertThat(score.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
      assertThat(scorer.bundleVersion()).isEqualTo(summary.version());
    }
  }
}
