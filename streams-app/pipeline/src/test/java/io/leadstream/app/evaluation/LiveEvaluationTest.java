package io.leadstream.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.models.BundleException;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.TierRow;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  private int ids;

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
  void shouldNameTheMissingCard(@TempDir Path empty) {
    assertThatThrownBy(() -> Cards.read(empty.toString()))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("manifest.json not found");
    assertThatThrownBy(() -> Cards.read("classpath:bundles/none"))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("no bundle at classpath:bundles/none");
  }

  private LabelledLead labelled(String version, int score, int label, Instant outcomeAt) {
    return labelled(version, score, score >= 66 ? Tier.HOT : Tier.COLD, label, outcomeAt);
  }

  private LabelledLead labelled(
      String version, int score, Tier tier, int label, Instant outcomeAt) {
    return TestLabelledLeads.scored("lead-" + ids++, version, score, tier, label, outcomeAt);
  }

  private LabelledLead unmatched(Instant outcomeAt) {
    return TestLabelledLeads.unmatched("lead-unknown-" + ids++, 1, outcomeAt);
  }
}
