package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.schema.LeadEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
            300,
            3,
            out,
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
    assertThat(summary.baselines())
        .containsKeys(
            "logistic regression, same features",
            "base rate (no model)",
            "XGBoost on fields only (no text)",
            "text head only");
    assertThat(summary.baselines().get("base rate (no model)").auc()).isEqualTo(0.5);
    assertThat(summary.data().split()).isEqualTo("stratified");

    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.version()).isEqualTo(summary.version()).startsWith("tiny-");
    for (Map.Entry<String, String> file : manifest.files().entrySet()) {
      assertThat(Sha256.of(out.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
    assertThat(manifest.files())
        .containsKeys(
            "plots/roc.png",
            "plots/calibration.png",
            "plots/score-distribution.png",
            "plots/feature-importance.png",
            "MODEL_CARD.md");
    assertThat(manifest.evaluation().tiers())
        .extracting(BundleManifest.TierOutcome::tier)
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

  @Test
  void shouldSplitByTimeAndKeepAScorerForASegmentThatConvertsDifferently() throws Exception {
    // EU leads convert as generated; US leads on the opposite signals, so their conversion rate
    // and their drivers differ and the main scorer, which cannot see the region, fits neither
    List<LabelledLead> leads = new ArrayList<>();
    for (LabelledLead lead : new SyntheticLeadGenerator(5).generate(500)) {
      boolean us = leads.size() % 2 == 1;
      leads.add(
          new LabelledLead(
              withAttribute(lead.event(), "region", us ? " us" : "EU"), us != lead.converted()));
    }
    Instant[] times = leads.stream().map(l -> l.event().getOccurredAt()).toArray(Instant[]::new);
    Path out = root.resolve("seg");

    TrainingSummary summary =
        new BundleTrainer(TrainingConfig.defaults("seg", 7), null)
            .train(
                new TrainingSet(
                    leads, times, DefaultLeadFeatures.spec(), "test", null, "attributes.region"),
                out);

    assertThat(summary.data().split()).isEqualTo("time-ordered");
    assertThat(summary.data().train()).isEqualTo(300);
    assertThat(summary.holdOutLeads()).hasSize(100);
    Instant lastTrained = leads.get(299).event().getOccurredAt();
    assertThat(summary.holdOutLeads())
        .allSatisfy(l -> assertThat(l.event().getOccurredAt()).isAfter(lastTrained));
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.training().split()).isEqualTo("time-ordered");
    assertThat(manifest.segments()).isNotNull();
    assertThat(manifest.segments().source()).isEqualTo("attributes.region");
    assertThat(manifest.segments().scorers()).containsOnlyKeys("EU", "us");
    assertThat(manifest.files())
        .containsKeys(manifest.segments().scorers().values().toArray(String[]::new));
    String card = Files.readString(out.resolve(BundleTrainer.MODEL_CARD_FILE));
    assertThat(card)
        .contains(
            "## Segments",
            "| EU | 150 | 50 |",
            "| us | 150 | 50 |",
            ": own scorer |",
            "time-ordered (train on the earliest 60 %");

    try (ModelBundle bundle = ModelBundle.load(out);
        LeadScorer scorer = bundle.newScorer()) {
      double junkText = scorer.readText(LeadText.of(TestLeads.junk())).opportunityProbability();
      int junkEu = scorer.score(withAttribute(TestLeads.junk(), "region", "eu "), junkText).score();
      int junkUs = scorer.score(withAttribute(TestLeads.junk(), "region", "US"), junkText).score();
      double routed = auc(scorer, summary.holdOutLeads());
      summary.holdOutLeads().forEach(l -> withAttribute(l.event(), "region", "APAC"));
      double mainOnly = auc(scorer, summary.holdOutLeads());

      // junk rarely converts in the EU, so it almost always does in the US
      assertThat(junkUs).isGreaterThan(junkEu + 30);
      // the loaded bundle routes as the trainer did; without the segment scorers it fits neither
      assertThat(routed).isCloseTo(summary.holdOut().auc(), within(1e-6)).isGreaterThan(0.75);
      assertThat(mainOnly).isLessThan(routed - 0.15);
    }
  }

  private static double auc(LeadScorer scorer, List<LabelledLead> leads) {
    double[] p = new double[leads.size()];
    boolean[] labels = new boolean[leads.size()];
    for (int k = 0; k < p.length; k++) {
      LeadEvent event = leads.get(k).event();
      p[k] =
          scorer
              .score(event, scorer.readText(LeadText.of(event)).opportunityProbability())
              .probability();
      labels[k] = leads.get(k).converted();
    }
    return ClassificationMetrics.auc(p, labels);
  }

  /**
   * The event with one more attribute; changes it in place (a builder copy trips Avro's class
   * check).
   */
  private static LeadEvent withAttribute(LeadEvent event, String key, String value) {
    Map<String, String> attributes = new LinkedHashMap<>(event.getAttributes());
    attributes.put(key, value);
    event.setAttributes(attributes);
    return event;
  }

  @Test
  void shouldTrainARegressionOnAContinuousTargetAndScoreByPercentile() throws Exception {
    List<LabelledLead> leads = new SyntheticLeadGenerator(5).generate(400);
    Random noise = new Random(5);
    double[] dealValue = new double[leads.size()];
    for (int i = 0; i < dealValue.length; i++) {
      LeadEvent event = leads.get(i).event();
      int intent = event.getPurchaseIntent() == null ? 1 : event.getPurchaseIntent();
      // mostly purchase intent (a feature), some conversion, some noise
      dealValue[i] =
          5000 * intent + (leads.get(i).converted() ? 5000 : 0) + 1000 * noise.nextGaussian();
    }
    TrainingSet data =
        new TrainingSet(leads, null, DefaultLeadFeatures.spec(), "deals", null, null, dealValue);
    Path out = root.resolve("deals");

    TrainingSummary summary =
        new BundleTrainer(TrainingConfig.defaults("deals", 5), null).train(data, out);

    assertThat(summary.regression())
        .containsKeys(
            "this bundle",
            "ridge regression, same features",
            "mean of the training targets (no model)",
            "XGBoost on fields only (no text)");
    assertThat(summary.regression().get("this bundle").r2()).isGreaterThan(0.6);
    assertThat(summary.regression().get("mean of the training targets (no model)").r2())
        .isLessThanOrEqualTo(0.0);
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(out.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.objective()).isEqualTo(io.leadstream.models.bundle.Objective.REGRESSION);
    assertThat(manifest.evaluation().regression()).containsKey("this bundle");
    assertThat(Files.readString(out.resolve("MODEL_CARD.md")))
        .contains("The label is a continuous target", "| model | MSE | R² |");
    try (ModelBundle bundle = ModelBundle.load(out);
        LeadScorer scorer = bundle.newScorer()) {
      LeadEvent hot = TestLeads.hot();
      LeadEvent junk = TestLeads.junk();
      LeadScore hotScore = scorer.score(hot, scorer.readText(LeadText.of(hot)));
      LeadScore junkScore = scorer.score(junk, scorer.readText(LeadText.of(junk)));

      assertThat(hotScore.score()).isBetween(0, 100).isGreaterThan(junkScore.score());
      assertThat(hotScore.reasons()).isNotEmpty();
    }
  }
}
