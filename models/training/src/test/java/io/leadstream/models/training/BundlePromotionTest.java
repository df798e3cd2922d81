package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.training.crm.CrmTrainingSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundlePromotionTest {

  @TempDir static Path trained;
  @TempDir Path root;

  private static Path current;
  private static Path candidate;
  private static TrainingSummary candidateSummary;

  @BeforeAll
  static void trainTwoBundles() {
    current = trained.resolve("current");
    candidate = trained.resolve("candidate");
    BundleTrainer.trainSynthetic(400, 1, current, null);
    candidateSummary = BundleTrainer.trainSynthetic(300, 2, candidate, null);
  }

  @Test
  void shouldCompareBothBundlesOnTheCandidatesHoldOut() {
    BundlePromotion.Decision decision = BundlePromotion.decide(current, candidateSummary, false);

    assertThat(decision.candidateAuc()).isEqualTo(candidateSummary.holdOut().auc());
    assertThat(decision.currentAuc()).isBetween(0.6, 1.0);
    assertThat(decision.promote()).isEqualTo(decision.candidateAuc() > decision.currentAuc());
    assertThat(decision.reason())
        .startsWith(
            String.format(
                Locale.ROOT,
                "on the same %d hold-out leads, both scored as the pipeline scores them, the new bundle"
                    + " has AUC %.4f, the current one %.4f: ",
                candidateSummary.holdOutLeads().size(),
                decision.candidateAuc(),
                decision.currentAuc()));
    assertThat(decision.reason())
        .endsWith(decision.promote() ? ": promoted" : "(use --force to replace it anyway)");
  }

  @Test
  void shouldNotPromoteABundleThatOnlyTiesTheCurrentOneUnlessForced() {
    // the candidate's own folder scores its hold-out exactly as the trainer measured it
    BundlePromotion.Decision decision = BundlePromotion.decide(candidate, candidateSummary, false);
    BundlePromotion.Decision forced = BundlePromotion.decide(candidate, candidateSummary, true);

    assertThat(decision.currentAuc()).isEqualTo(decision.candidateAuc());
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reason())
        .endsWith(
            " (they give every lead the same probability):"
                + " not promoted (use --force to replace it anyway)");
    assertThat(forced.promote()).isTrue();
    assertThat(forced.reason()).endsWith(": promoted (--force)");
  }

  @Test
  void shouldScoreAnIdenticalRetrainedBundleEqualOnTheOutcomesTheTrainerJudged()
      throws IOException {
    // a continuous target: the trainer judges the ranking of leads above the median target
    Path mapping = root.resolve("time-on-site.yaml");
    Files.writeString(
        mapping,
        """
        id: Prospect ID
        label: {column: Total Time Spent on Website, type: continuous}
        missing: ["", "Select"]
        features:
          - {column: TotalVisits, type: numeric}
          - {column: Page Views Per Visit, type: numeric}
          - {column: Lead Origin, type: categorical}
        """);
    Path sample = Path.of("src/test/resources/crm/x-education-sample.csv");
    Path first = root.resolve("first");
    Path second = root.resolve("second");
    new BundleTrainer(TrainingConfig.defaults("time", 42), null)
        .train(CrmTrainingSet.read(sample, mapping).set(), first);
    TrainingSummary again =
        new BundleTrainer(TrainingConfig.defaults("time", 42), null)
            .train(CrmTrainingSet.read(sample, mapping).set(), second);

    BundlePromotion.Decision decision = BundlePromotion.decide(first, again, false);

    assertThat(Files.readAllBytes(second.resolve(BundleTrainer.SCORER_FILE)))
        .isEqualTo(Files.readAllBytes(first.resolve(BundleTrainer.SCORER_FILE)));
    assertThat(decision.currentAuc())
        .isEqualTo(decision.candidateAuc())
        .isEqualTo(again.holdOut().auc());
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reason()).contains("(they give every lead the same probability)");
    // the candidate is scored from its folder, as the current one, not taken from the trainer
    EvaluationMetrics claimed = again.holdOut();
    TrainingSummary overstated =
        new TrainingSummary(
            again.folder(),
            again.version(),
            new EvaluationMetrics(
                claimed.count(),
                claimed.baseRate(),
                0.99,
                claimed.prAuc(),
                claimed.logLoss(),
                claimed.brier()),
            again.baselines(),
            again.data(),
            again.took(),
            again.warnings(),
            again.tierRule(),
            again.calibration(),
            again.holdOutLeads(),
            again.regression(),
            again.inputs(),
            again.aucInterval(),
            again.atHalf(),
            again.atHotCut(),
            again.reasonExamples());
    assertThat(BundlePromotion.decide(first, overstated, false).candidateAuc())
        .isEqualTo(decision.currentAuc());
  }

  @Test
  void shouldPromoteWhenTheCurrentManifestIsCorrupt() throws IOException {
    Path broken = copy(current, root.resolve("broken"));
    Files.writeString(
        broken.resolve(BundleManifest.FILE_NAME), "{ not json", StandardCharsets.UTF_8);

    BundlePromotion.Decision decision = BundlePromotion.decide(broken, candidateSummary, false);

    assertThat(decision.promote()).isTrue();
    assertThat(decision.currentAuc()).isNaN();
    assertThat(decision.candidateAuc()).isEqualTo(candidateSummary.holdOut().auc());
    assertThat(decision.reason())
        .contains("cannot be scored", BundleManifest.FILE_NAME, broken.toString())
        .endsWith(": replacing it");
  }

  @Test
  void shouldPromoteWhenTheCurrentFolderHoldsNoBundle() {
    Path empty = root.resolve("empty");

    BundlePromotion.Decision decision = BundlePromotion.decide(empty, candidateSummary, false);

    assertThat(BundlePromotion.holdsBundle(empty)).isFalse();
    assertThat(decision.promote()).isTrue();
    assertThat(decision.reason()).contains("cannot be scored", "file missing");
  }

  @Test
  void shouldMoveTheCandidateIntoTheTargetsPlace() throws IOException {
    Path target = copy(current, root.resolve("bundle"));
    Path staged = copy(candidate, root.resolve("bundle.new"));
    Path previous = root.resolve("bundle.previous");
    copy(current, previous); // left over from an interrupted promotion

    BundlePromotion.promote(staged, target);

    assertThat(staged).doesNotExist();
    assertThat(previous).doesNotExist();
    assertThat(BundlePromotion.holdsBundle(target)).isTrue();
    try (ModelBundle bundle = ModelBundle.load(target)) {
      assertThat(bundle.version()).isEqualTo(candidateSummary.version());
    }
    try (Stream<Path> siblings = Files.list(root)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("bundle");
    }
  }

  @Test
  void shouldPromoteIntoAFolderThatDoesNotExistYet() throws IOException {
    Path staged = copy(candidate, root.resolve("staged"));
    Path target = root.resolve("fresh");

    BundlePromotion.promote(staged, target);

    assertThat(staged).doesNotExist();
    assertThat(target.resolveSibling("fresh.previous")).doesNotExist();
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(target.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.version()).isEqualTo(candidateSummary.version());
  }

  private static Path copy(Path from, Path to) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.toList();
    }
    for (Path path : paths) {
      Files.copy(path, to.resolve(from.relativize(path).toString()));
    }
    return to;
  }
}
