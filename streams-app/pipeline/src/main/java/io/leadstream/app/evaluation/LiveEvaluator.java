package io.leadstream.app.evaluation;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.models.bundle.BundleManifest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running app's live evaluation: every interval, once the labelled topic has been read up to
 * where it stood at start, {@link LiveEvaluation#evaluate} over the latest labelled lead of each
 * lead whose outcome is in the window (older ones are dropped first, so memory holds one window),
 * with the cards of the bundles this instance has served. The result goes to the metrics, to the
 * warning log and, as JSON, to {@code /evaluation}. A failed evaluation is logged and the next one
 * runs as planned.
 */
public final class LiveEvaluator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveEvaluator.class);

  /** An evaluation's report and its JSON, rendered once. */
  public record Evaluated(Report report, String json, Instant at) {}

  private final LatestLabels latest;
  private final BooleanSupplier caughtUp;
  private final Supplier<Collection<BundleManifest>> cards;
  private final EvaluationSettings settings;
  private final Clock clock;
  private final LiveEvaluationMetrics metrics;
  private final WarningLog warnings;
  private final AutoCloseable source;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "leadstream-live-evaluation");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Evaluated last;

  /**
   * @param latest the labelled leads, fed by {@code source}
   * @param caughtUp whether {@code latest} holds the whole topic as it stood at start
   * @param cards the manifests of the bundles whose hold-out figures the report shows
   * @param source closed with the evaluator
   */
  LiveEvaluator(
      LatestLabels latest,
      BooleanSupplier caughtUp,
      Supplier<Collection<BundleManifest>> cards,
      EvaluationSettings settings,
      Clock clock,
      MeterRegistry registry,
      AutoCloseable source) {
    this.latest = latest;
    this.caughtUp = caughtUp;
    this.cards = cards;
    this.settings = settings;
    this.clock = clock;
    this.metrics = new LiveEvaluationMetrics(registry, settings);
    this.warnings = new WarningLog(settings);
    this.source = source;
  }

  /**
   * Starts following the labelled topic of {@code config} and evaluating every {@code
   * leadstream.evaluation.interval.ms}; empty when that is 0.
   */
  public static Optional<LiveEvaluator> start(
      LeadStreamConfig config, Supplier<Collection<BundleManifest>> cards, MeterRegistry registry) {
    if (config.evaluationInterval().isEmpty()) {
      log.info("Live evaluation is off ({}=0)", LeadStreamConfig.EVALUATION_INTERVAL_CONFIG);
      return Optional.empty();
    }
    EvaluationSettings settings = EvaluationSettings.from(config);
    LatestLabels latest = new LatestLabels();
    LabelledTail tail = LabelledTail.start(config, latest, registry);
    LiveEvaluator evaluator =
        new LiveEvaluator(
            latest, tail::caughtUp, cards, settings, Clock.systemUTC(), registry, tail);
    long every = settings.interval().toMillis();
    evaluator.scheduler.scheduleWithFixedDelay(
        evaluator::evaluateQuietly, every, every, TimeUnit.MILLISECONDS);
    log.info(
        "Evaluating the live scores against {} every {} ms over the last {}",
        config.labelledTopic(),
        every,
        settings.windowLabel());
    return Optional.of(evaluator);
  }

  /** The latest evaluation; empty before the first. */
  public Optional<Evaluated> last() {
    return Optional.ofNullable(last);
  }

  /** One evaluation, unless the labelled topic has not been read up to its end yet. */
  void evaluate() {
    if (!caughtUp.getAsBoolean()) {
      log.debug("Live evaluation waits for the labelled topic to be read");
      return;
    }
    Instant until = clock.instant();
    latest.dropBefore(until, settings.window());
    Report report =
        LiveEvaluation.evaluate(
            latest.leads(),
            until,
            settings.window(),
            cards.get(),
            settings.aucMargin(),
            settings.calibrationMargin(),
            settings.driftThreshold());
    last = new Evaluated(report, ReportJson.write(report), until);
    metrics.show(report, until);
    warnings.show(report);
  }

  private void evaluateQuietly() {
    try {
      evaluate();
    } catch (RuntimeException e) {
      // thrown out of a scheduled task, it would cancel every later run
      log.warn("Live evaluation failed: {}; trying again in {}", e, settings.interval(), e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      source.close();
    } catch (Exception e) {
      log.warn("Closing the labelled topic's reader failed: {}", e.toString());
    }
  }
}
