package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.training.crm.CrmTrainingSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that do not predict the outcome train a bundle that says so, loudly and plainly. */
class NoSignalTest {

  @TempDir Path dir;

  @Test
  void shouldWarnThatFieldsWithoutSignalDoNotPredictTheOutcome() throws Exception {
    // the outcome is a coin toss whatever the visits and the source
    Path export = GeneratedExport.write(dir, "export.csv", 600, 5, 0.0);
    Path mapping = GeneratedExport.text(dir, "mapping.yaml", GeneratedExport.FIELDS_ONLY_MAPPING);
    Path out = dir.resolve("noise");

    TrainingSummary summary =
        new BundleTrainer(TrainingConfig.defaults("noise", 3), null)
            .train(CrmTrainingSet.read(export, mapping).set(), out);

    assertThat(summary.aucInterval().contains(0.5)).isTrue();
    assertThat(summary.warnings().get(0))
        .startsWith(
            "NO SIGNAL: These fields do not predict the"
                + " outcome. On 120 leads it had not seen, the bundle ranks converted leads above the"
                + " others barely better than a coin toss (AUC ");
    assertThat(summary.warnings())
        .last()
        .asString()
        .startsWith("Nine in ten hold-out leads score" + " between ")
        .contains("HOT starts at");
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.evaluation().warnings()).isEqualTo(summary.warnings());
    String card = Files.readString(out.resolve(BundleTrainer.MODEL_CARD_FILE));
    assertThat(card)
        .contains(
            "- **NO SIGNAL: These fields do not predict the outcome.",
            "Do not prioritize leads by its score");
  }

  @Test
  void shouldNotWarnWhenTheFieldsDoPredictTheOutcome() {
    Path export = GeneratedExport.write(dir, "export.csv", 600, 5, 1.0);
    Path mapping = GeneratedExport.text(dir, "mapping.yaml", GeneratedExport.FIELDS_ONLY_MAPPING);

    TrainingSummary summary =
        new BundleTrainer(TrainingConfig.defaults("signal", 3), null)
            .train(CrmTrainingSet.read(export, mapping).set(), dir.resolve("signal"));

    assertThat(summary.aucInterval().low()).isGreaterThan(0.5);
    assertThat(summary.warnings()).isEmpty();
  }

  @Test
  void shouldSayNoLeadsForEmptyTiersAndWriteNoNaN() throws Exception {
    // every lead alike: one score for all, so HOT holds every hold-out lead and the rest none
    StringBuilder csv = new StringBuilder("id,won,visits\n");
    for (int i = 0; i < 400; i++) {
      csv.append("L").append(i).append(i % 3 == 0 ? ",yes," : ",no,").append("7\n");
    }
    Path export = GeneratedExport.text(dir, "alike.csv", csv.toString());
    Path mapping =
        GeneratedExport.text(
            dir,
            "alike.yaml",
            """
        id: id
        label: {column: won, positive: ["yes"], negative: ["no"]}
        features:
          - {column: visits, type: numeric}
        """);
    Path out = dir.resolve("alike");

    TrainingSummary summary =
        new BundleTrainer(TrainingConfig.defaults("alike", 3), null)
            .train(CrmTrainingSet.read(export, mapping).set(), out);

    String card = Files.readString(out.resolve(BundleTrainer.MODEL_CARD_FILE));
    assertThat(card)
        .contains("| DISQUALIFIED | 0 | 0 | no leads | no leads | no leads |" + " no leads |")
        .doesNotContain("NaN");
    assertThat(summary.warnings())
        .anySatisfy(
            w -> assertThat(w).startsWith("HOT leads do not convert more often than any lead"));
    String json = Files.readString(out.resolve(BundleManifest.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("NaN").contains("\"conversionRate\" : null");
  }
}
