package io.leadstream.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LiveEvaluatorTest {

  private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
  private static final BundleManifest CARD = Cards.read("classpath:bundles/default");
  private static final String OTHER = "other-2026.10.01-00000000";
  private static final EvaluationSettings SETTINGS =
      new EvaluationSettings(Duration.ofMinutes(1), Duration.ofDays(30), 0.05, 0.05, 0.25);

  /** Scores and labels of the card's version: an AUC well below the card's 0.887. */
  private static final int[] SCORES = {90, 80, 70, 60, 50, 40, 30, 20, 10, 5, 85, 15};

  private static final int[] LABELS = {1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1};

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final LatestLabels latest = new LatestLabels();
  private final AtomicBoolean caughtUp = new AtomicBoolean(true);
  private final SettableClock clock = new SettableClock(NOW);
  private final LiveEvaluator evaluator =
      new LiveEvaluator(
          latest, caughtUp::get, () -> List.of(CARD), SETTINGS, clock, registry, () -> {});

  @AfterEach
  void close() {
    evaluator.close();
    registry.close();
  }

  @Test
  void shouldNotEvaluateBeforeTheLabelledTopicHasBeenRead() {
    caughtUp.set(false);
    feed(carded());

    evaluator.evaluate();

    assertThat(evaluator.last()).isEmpty();
    assertThat(registry.scrape()).doesNotContain("leadstream_live_");
  }

  @Test
  void shouldReportLiveEvaluationOfTheLeadsInTheWindow() {
    List<LabelledLead> inWindow = new ArrayList<>(carded());
    inWindow.add(lead("other-1", OTHER, 90, 1, NOW.minusSeconds(60)));
    inWindow.add(lead("other-2", OTHER, 20, 0, NOW.minusSeconds(60)));
    feed(inWindow);
    feed(List.of(lead("long-ago", OTHER, 90, 1, NOW.minus(Duration.ofDays(31)))));

    evaluator.evaluate();

    Report expected =
        LiveEvaluation.evaluate(inWindow, NOW, SETTINGS.window(), List.of(CARD), 0.05, 0.05);
    assertThat(evaluator.last().orElseThrow().json()).isEqualTo(ReportJson.write(expected));
    VersionReport carded = expected.versions().get(0);
    String scrape = registry.scrape();
    String tags = "{version=\"" + CARD.version() + "\",window=\"30d\"}";
    assertThat(gauge(scrape, "leadstream_live_auc" + tags)).isEqualTo(carded.auc());
    assertThat(gauge(scrape, "leadstream_live_auc_low" + tags))
        .isEqualTo(carded.aucInterval().low());
    assertThat(gauge(scrape, "leadstream_live_holdout_auc" + tags))
        .isEqualTo(CARD.evaluation().model().auc());
    assertThat(gauge(scrape, "leadstream_live_outcomes" + tags)).isEqualTo(SCORES.length);
    assertThat(gauge(scrape, "leadstream_live_brier" + tags)).isEqualTo(carded.brier());
    assertThat(
            gauge(
                scrape,
                "leadstream_live_warning{kind=\"auc\",version=\""
                    + CARD.version()
                    + "\",window=\"30d\"}"))
        .isEqualTo(1);
    assertThat(scrape)
        .contains("leadstream_live_calibration_observed{decile=\"1\",version=\"" + OTHER)
        .contains("leadstream_live_tier_lift{tier=\"WARM\",version=\"" + OTHER)
        .contains("leadstream_live_evaluated_timestamp_seconds{window=\"30d\"}")
        .doesNotContain("leadstream_live_holdout_auc{version=\"" + OTHER);
    assertThat(latest.size()).as("the lead outside the window is dropped").isEqualTo(14);
  }

  @Test
  void shouldShowTheDriftOfEachQuantityAndWarnOfAMajorShift() {
    BundleManifest card = LiveEvaluationTest.cardWithReference();
    List<LabelledLead> shifted = LiveEvaluationTest.drawn(new Random(2), 400, 10.0);
    shifted.forEach(lead -> latest.apply(lead.getLeadId(), lead));
    LiveEvaluator drifting =
        new LiveEvaluator(
            latest, caughtUp::get, () -> List.of(card), SETTINGS, clock, registry, () -> {});

    drifting.evaluate();

    VersionReport version = drifting.last().orElseThrow().report().versions().get(0);
    String scrape = registry.scrape();
    String tags = "version=\"" + card.version() + "\",window=\"30d\"}";
    assertThat(gauge(scrape, "leadstream_live_psi{quantity=\"budget\"," + tags))
        .isEqualTo(version.drift().get(2).psi())
        .isGreaterThan(SETTINGS.driftThreshold());
    assertThat(gauge(scrape, "leadstream_live_warning{kind=\"drift\"," + tags)).isEqualTo(1);
    drifting.close();
  }

  @Test
  void shouldRemoveTheGaugesOfAVersionGoneFromTheWindow() {
    feed(carded());
    feed(List.of(lead("other-1", OTHER, 90, 1, NOW.minus(Duration.ofDays(29)))));
    evaluator.evaluate();
    assertThat(registry.scrape()).contains("version=\"" + OTHER + "\"");

    clock.set(NOW.plus(Duration.ofDays(2)));
    evaluator.evaluate();

    assertThat(registry.scrape())
        .doesNotContain("version=\"" + OTHER + "\"")
        .contains("leadstream_live_auc{version=\"" + CARD.version());
  }

  @Test
  void shouldLogAWarningWhenAVersionStartsWarningOnly() {
    Logger logger = (Logger) LoggerFactory.getLogger(WarningLog.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      feed(carded());
      evaluator.evaluate();
      clock.set(NOW.plusSeconds(60));
      evaluator.evaluate();

      assertThat(captured.list)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage())
                    .contains("model " + CARD.version() + " warns over the last 30d")
                    .contains("below the hold-out AUC 0.887");
              });
    } finally {
      logger.detachAppender(captured);
    }
  }

  @Test
  void shouldLabelTheWindowInItsLargestWholeUnit() {
    assertThat(SETTINGS.windowLabel()).isEqualTo("30d");
    assertThat(
            new EvaluationSettings(SETTINGS.interval(), Duration.ofHours(36), 0, 0, 0)
                .windowLabel())
        .isEqualTo("36h");
    assertThat(
            new EvaluationSettings(SETTINGS.interval(), Duration.ofSeconds(90), 0, 0, 0)
                .windowLabel())
        .isEqualTo("90s");
  }

  private void feed(List<LabelledLead> leads) {
    leads.forEach(lead -> latest.apply(lead.getLeadId(), lead));
  }

  private static List<LabelledLead> carded() {
    List<LabelledLead> leads = new ArrayList<>();
    for (int k = 0; k < SCORES.length; k++) {
      leads.add(
          lead("lead-" + k, CARD.version(), SCORES[k], LABELS[k], NOW.minus(Duration.ofDays(k))));
    }
    return leads;
  }

  private static LabelledLead lead(
      String leadId, String version, int score, int label, Instant outcomeAt) {
    return TestLabelledLeads.scored(leadId, version, score, Tier.WARM, label, outcomeAt);
  }

  /** The value of the sample {@code series} (name and labels as Prometheus writes them). */
  static double gauge(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + series + " in\n" + scrape));
  }

  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
