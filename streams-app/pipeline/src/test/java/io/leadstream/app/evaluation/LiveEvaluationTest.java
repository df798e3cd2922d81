package io.leadstream.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.models.BundleException;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.models.evaluation.QuantityDrift;
import io.leadstream.models.evaluation.TierRow;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.ScoredEvent;
import io.leadstream.schema.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveEvaluationTest {

  private static final Instant UNTIL = Instant.parse("2026-11-30T00:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(30);
  private static final BundleManifest CARD = Cards.read("classpath:bundles/default");
  private static final String CARDED = CARD.version();
  private static final String OTHER = "other-2026.10.01-00000000";

  /** Scores and labels of the CARDED version: AUC well below the card's 0.887. */
  private static final int[] SCORES = {90, 80, 70, 60, 50, 40, 30, 20, 10, 5, 85, 15};

  private static final int[] LABELS = {1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1};

  /** Leads of the drift references made here. */
  private static final int TRAINED = 2000;

  private static int ids;

  @Test
  void shouldEvaluateEachVersionWithTheMetricsOfTraining() {
    List<LabelledLead> leads = new ArrayList<>();
    for (int k = 0; k < SCORES.length; k++) {
      leads.add(labelled(CARDED, SCORES[k], LABELS[k], UNTIL.minus(Duration.ofDays(k))));
    }
    leads.add(labelled(OTHER, 90, 1, UNTIL.minusSeconds(60)));
    leads.add(labelled(OTHER, 20, 0, UNTIL.minusSeconds(60)));
    leads.add(labelled(OTHER, 60, 0, UNTIL.minusSeconds(60)));

    Report report = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(CARD), 0.05, 1.0);

    assertThat(report.leads()).isEqualTo(15);
    assertThat(report.versions())
        .extracting(VersionReport::modelVersion)
        .containsExactly(CARDED, OTHER);
    VersionReport carded = report.versions().get(0);
    double[] predicted = new double[SCORES.length];
    boolean[] actual = new boolean[SCORES.length];
    for (int k = 0; k < SCORES.length; k++) {
      predicted[k] = SCORES[k] / 100.0;
      actual[k] = LABELS[k] == 1;
    }
    assertThat(carded.count()).isEqualTo(12);
    assertThat(carded.positives()).isEqualTo(5);
    assertThat(carded.auc()).isEqualTo(ClassificationMetrics.auc(predicted, actual));
    assertThat(carded.aucInterval())
        .isEqualTo(ClassificationMetrics.aucInterval(predicted, actual));
    assertThat(carded.logLoss()).isEqualTo(ClassificationMetrics.logLoss(predicted, actual));
    assertThat(carded.brier()).isEqualTo(ClassificationMetrics.brier(predicted, actual));
    assertThat(carded.calibration())
        .isEqualTo(ClassificationMetrics.calibrationCurve(predicted, actual));
    assertThat(carded.holdOut()).isEqualTo(CARD.evaluation().model());
    assertThat(carded.holdOutTiers()).isEqualTo(CARD.evaluation().tiers());

    VersionReport other = report.versions().get(1);
    assertThat(other.count()).isEqualTo(3);
    assertThat(other.auc()).isEqualTo(1.0);
    assertThat(other.holdOut()).isNull();
    assertThat(other.warnings()).isEmpty();
  }

  @Test
  void shouldWarnWhenTheLiveAucFallsBelowTheHoldOutByMoreThanTheMargin() {
    List<LabelledLead> leads = new ArrayList<>();
    for (int k = 0; k < SCORES.length; k++) {
      leads.add(labelled(CARDED, SCORES[k], LABELS[k], UNTIL.minusSeconds(k)));
    }
    double live =
        LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(), 0.05, 1.0).versions().get(0).auc();
    double holdOut = CARD.evaluation().model().auc();
    assertThat(live).isLessThan(holdOut - 0.05);

    Report warned = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(CARD), 0.05, 1.0);
    Report within =
        LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(CARD), holdOut - live + 0.001, 1.0);
    Report noCard = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(), 0.05, 1.0);

    assertThat(warned.warns()).isTrue();
    assertThat(warned.versions().get(0).warnings())
        .singleElement()
        .asString()
        .startsWith("live AUC 0.")
        .contains("below the hold-out AUC 0.887");
    assertThat(within.warns()).isFalse();
    assertThat(noCard.warns()).as("no card, nothing to compare with").isFalse();
  }

  @Test
  void shouldWarnWhenTheScoresNoLongerMatchTheConversionRate() {
    List<LabelledLead> leads = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      // scores of 80 where one lead in five converts
      leads.add(labelled(OTHER, 80, k % 5 == 0 ? 1 : 0, UNTIL.minusSeconds(k)));
    }
    Report drifted = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(), 0.05, 0.05);
    Report tolerated = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(), 0.05, 0.7);

    assertThat(drifted.versions().get(0).meanPredicted()).isCloseTo(0.8, within(1e-9));
    assertThat(drifted.versions().get(0).baseRate()).isCloseTo(0.2, within(1e-9));
    assertThat(drifted.versions().get(0).warnings())
        .singleElement()
        .asString()
        .startsWith("calibration: mean score/100 0.800, observed rate 0.200");
    assertThat(tolerated.warns()).isFalse();
  }

  @Test
  void shouldCutTheWindowAndCountUnmatchedOutcomesApart() {
    List<LabelledLead> leads =
        List.of(
            labelled(CARDED, 90, 1, UNTIL),
            labelled(CARDED, 10, 0, UNTIL.minus(WINDOW).plusMillis(1)),
            labelled(CARDED, 80, 1, UNTIL.minus(WINDOW)),
            labelled(CARDED, 70, 0, UNTIL.plusMillis(1)),
            unmatched(UNTIL.minusSeconds(5)),
            unmatched(UNTIL.minusSeconds(6)),
            unmatched(UNTIL.minus(WINDOW).minusSeconds(1)));

    Report report = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(CARD), 0.05, 1.0);

    assertThat(report.from()).isEqualTo("2026-10-31T00:00:00Z");
    assertThat(report.until()).isEqualTo("2026-11-30T00:00:00Z");
    assertThat(report.leads()).isEqualTo(7);
    assertThat(report.outsideWindow()).isEqualTo(3);
    assertThat(report.unmatched()).isEqualTo(2);
    assertThat(report.versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.count()).isEqualTo(2);
              assertThat(v.positives()).isEqualTo(1);
            });
    assertThat(report.unusedCards()).isEmpty();
  }

  @Test
  void shouldTabulateTheTiersAsScored() {
    List<LabelledLead> leads =
        List.of(
            labelled(OTHER, 10, Tier.HOT, 1, UNTIL),
            labelled(OTHER, 10, Tier.HOT, 1, UNTIL),
            labelled(OTHER, 90, Tier.COLD, 0, UNTIL),
            labelled(OTHER, 90, Tier.COLD, 1, UNTIL),
            labelled(OTHER, 50, Tier.DISQUALIFIED, 0, UNTIL),
            labelled(OTHER, 50, Tier.DISQUALIFIED, 0, UNTIL));

    Report report = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(CARD), 0.05, 1.0);

    List<TierRow> tiers = report.versions().get(0).tiers();
    assertThat(tiers).extracting(TierRow::tier).containsExactly(Tier.values());
    assertThat(tiers).extracting(TierRow::leads).containsExactly(2, 0, 2, 2);
    assertThat(tiers).extracting(TierRow::converted).containsExactly(2, 0, 1, 0);
    assertThat(tiers.get(0).conversionRate()).isEqualTo(1.0);
    assertThat(tiers.get(0).lift()).isCloseTo(2.0, within(1e-9));
    assertThat(tiers.get(2).lift()).isCloseTo(1.0, within(1e-9));
    assertThat(report.unusedCards()).containsExactly(CARDED);
  }

  @Test
  void shouldMeasureNoDriftForLeadsDrawnLikeTheTrainingData() {
    BundleManifest card = cardWithReference();
    List<LabelledLead> leads = drawn(new Random(2), 400, 1.0);

    Report report = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(card), 1.0, 1.0, 0.25);

    VersionReport version = report.versions().get(0);
    assertThat(version.drift())
        .extracting(QuantityDrift::name)
        .containsExactly("opportunityProbability", "score", "budget", "employees", "industry");
    assertThat(version.drift())
        .allSatisfy(
            d -> {
              assertThat(d.psi()).as(d.name()).isLessThan(0.1);
              assertThat(d.liveCount()).isEqualTo(400);
            });
    assertThat(version.drift().get(4).bins())
        .extracting(QuantityDrift.BinShares::bin)
        .as("a bin per value seen: software (level 0), logistics (2), another (10); and missing")
        .containsExactly("<= 0", "(0, 2]", "> 2", "missing");
    assertThat(version.driftNote()).isNull();
    assertThat(version.warnings()).isEmpty();
    assertThat(report.driftThreshold()).isEqualTo(0.25);
  }

  @Test
  void shouldWarnOfDriftWhenTheBudgetsAreTenTimesLarger() {
    BundleManifest card = cardWithReference();
    List<LabelledLead> leads = drawn(new Random(2), 400, 10.0);

    Report report = LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(card), 1.0, 1.0, 0.25);
    Report tolerated =
        LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(card), 1.0, 1.0, 100.0);

    VersionReport version = report.versions().get(0);
    QuantityDrift budget = version.drift().get(2);
    assertThat(budget.name()).isEqualTo("budget");
    assertThat(budget.psi()).isGreaterThan(0.25);
    assertThat(budget.reading()).isEqualTo("major shift");
    assertThat(version.drift().get(3).psi()).as("employees unchanged").isLessThan(0.1);
    assertThat(version.warnings())
        .singleElement()
        .asString()
        .startsWith("drift: PSI of budget ")
        .contains("is above 0.25 (major shift, 400 leads): bin > ");
    assertThat(report.warns()).isTrue();
    assertThat(tolerated.warns()).as("threshold 100").isFalse();
    assertThat(tolerated.versions().get(0).drift().get(2).psi()).isEqualTo(budget.psi());
  }

  @Test
  void shouldNotWarnOfTheDriftOfAFewLeads() {
    List<LabelledLead> leads = drawn(new Random(2), LiveEvaluation.MIN_DRIFT_LEADS - 1, 10.0);

    VersionReport version =
        LiveEvaluation.evaluate(leads, UNTIL, WINDOW, List.of(cardWithReference()), 1.0, 1.0, 0.25)
            .versions()
            .get(0);

    assertThat(version.drift().get(2).psi()).isGreaterThan(0.25);
    assertThat(version.warnings()).isEmpty();
    assertThat(version.driftNote()).contains("99 leads is mostly sampling noise");
  }

  @Test
  void shouldSayWhyAVersionHasNoDrift() {
    List<LabelledLead> carded = drawn(new Random(2), 150, 10.0);
    List<LabelledLead> other = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      other.add(labelled(OTHER, 50, k % 2, UNTIL.minusSeconds(k)));
    }

    // a card from before drift references were recorded
    BundleManifest oldCard = CARD.withDriftReference(null);
    VersionReport old =
        LiveEvaluation.evaluate(carded, UNTIL, WINDOW, List.of(oldCard), 1.0, 1.0, 0.25)
            .versions()
            .get(0);
    VersionReport uncarded =
        LiveEvaluation.evaluate(other, UNTIL, WINDOW, List.of(CARD), 1.0, 1.0, 0.25)
            .versions()
            .get(0);

    assertThat(old.drift()).isEmpty();
    assertThat(old.driftNote()).contains("manifest has no drift reference");
    assertThat(old.warnings()).isEmpty();
    assertThat(uncarded.drift()).isEmpty();
    assertThat(uncarded.driftNote()).contains("no bundle of this version given");
  }

  /**
   * The default bundle's card with a reference of {@value #TRAINED} leads drawn by {@link #draw}:
   * p(opportunity), the score, budget, company size and industry.
   */
  static BundleManifest cardWithReference() {
    Random random = new Random(1);
    List<LeadEvent> events = new ArrayList<>();
    double[] p = new double[TRAINED];
    int[] scores = new int[TRAINED];
    for (int k = 0; k < TRAINED; k++) {
      ScoredEvent lead = draw(random, "trained-" + k, 1.0);
      events.add(lead.getEvent());
      p[k] = lead.getScore().getOpportunityProbability();
      scores[k] = lead.getScore().getScore();
    }
    DriftQuantities quantities = new DriftQuantities(CARD.features());
    return CARD.withDriftReference(
        quantities.reference(
            "train",
            quantities.followed(List.of("budget", "text signal", "company size", "industry")),
            events,
            p,
            scores));
  }

  static List<LabelledLead> drawn(Random random, int count, double budgetFactor) {
    List<LabelledLead> leads = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      ScoredEvent drawn = draw(random, "live-" + k, budgetFactor);
      LabelledLead lead =
          labelled(CARDED, drawn.getScore().getScore(), k % 3 == 0 ? 1 : 0, UNTIL.minusSeconds(k));
      lead.getAsOf().setEvent(drawn.getEvent());
      lead.getAsOf()
          .getScore()
          .setOpportunityProbability(drawn.getScore().getOpportunityProbability());
      leads.add(lead);
    }
    return leads;
  }

  /**
   * A lead of a made-up population: log-normal budget (times {@code budgetFactor}) and company
   * size, an industry of logistics, software or another, one in ten without budget, p(opportunity)
   * uniform and a score that follows both.
   */
  private static ScoredEvent draw(Random random, String leadId, double budgetFactor) {
    LeadEvent event = TestLeads.hot(leadId).build();
    event.setBudget(
        random.nextInt(10) == 0 ? null : budgetFactor * Math.exp(9 + random.nextGaussian()));
    event.getCompany().setEmployees((int) Math.exp(4 + 1.5 * random.nextGaussian()));
    event
        .getCompany()
        .setIndustry(List.of("logistics", "software", "mining").get(random.nextInt(3)));
    double p = random.nextDouble();
    int score = (int) Math.min(100, Math.round(60 * p + 4 * random.nextGaussian() + 20));
    ScoredEvent scored =
        TestLabelledLeads.scored(leadId, CARDED, Math.max(0, score), Tier.COLD, 0, UNTIL).getAsOf();
    scored.setEvent(event);
    scored.getScore().setOpportunityProbability(p);
    return scored;
  }

  @Test
  void shouldNameTheMissingCard(@TempDir Path empty) {
    assertThatThrownBy(() -> Cards.read(empty.toString()))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("manifest.json not found");
    assertThatThrownBy(() -> Cards.read("classpath:bundles/none"))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("no bundle at classpath:bundles/none");
  }

  private static LabelledLead labelled(String version, int score, int label, Instant outcomeAt) {
    return labelled(version, score, score >= 66 ? Tier.HOT : Tier.COLD, label, outcomeAt);
  }

  private static LabelledLead labelled(
      String version, int score, Tier tier, int label, Instant outcomeAt) {
    return TestLabelledLeads.scored("lead-" + ids++, version, score, tier, label, outcomeAt);
  }

  private LabelledLead unmatched(Instant outcomeAt) {
    return TestLabelledLeads.unmatched("lead-unknown-" + ids++, 1, outcomeAt);
  }
}
