package io.leadstream.tools.scenario;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.Cards;
import io.leadstream.app.evaluation.LabelledSnapshot;
import io.leadstream.app.evaluation.LiveEvaluation;
import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.models.bundle.BundleCopy;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.models.training.SyntheticOutcomes;
import io.leadstream.models.training.TrainingProgress;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.feed.OutcomeProducer;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.retrain.BundleHistory;
import io.leadstream.tools.retrain.PromotionGate;
import io.leadstream.tools.retrain.RetrainSettings;
import io.leadstream.tools.retrain.Retrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The closed loop on the in-process broker: synthetic leads go through the real pipeline, their
 * outcomes follow a delay later in event time, the pipeline labels them, and after each phase the
 * live window is evaluated against the serving bundle's card.
 *
 * <ul>
 *   <li>phase A: leads of the process the bundle was trained on;
 *   <li>phase B: leads of the shifted process ({@link ScenarioSettings#shiftedTo()});
 *   <li>the retrain ({@link Retrainer}) trains a candidate from {@code leads.labelled}, the
 *       outcomes of the last third of phase B set apart to judge it against the serving bundle, and
 *       promotes it into the folder the pipeline reloads when it ranks them better;
 *   <li>phase C: more leads of the shifted process, scored by whatever serves after the reload.
 * </ul>
 *
 * <p>The pipeline serves from a bundle folder it reloads, {@code <workDir>/<bundle name>}, so that
 * a retrain can promote a new version into it. The phases are back to back in event time and every
 * outcome follows its lead by the same delay, so each phase's window holds exactly its own leads'
 * outcomes.
 */
public final class ClosedLoopScenario {

  private static final int PARTITIONS = 1;
  private static final Duration WAIT_PER_LEAD = Duration.ofMillis(200);
  private static final Duration WAIT_AT_LEAST = Duration.ofSeconds(60);
  private static final Duration LABELLED_POLL = Duration.ofMillis(500);
  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(90);

  private final ScenarioSettings settings;
  private final TrainingProgress progress;

  public ClosedLoopScenario(ScenarioSettings settings, TrainingProgress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Runs the phases.
   *
   * @return the phases in order with their evaluations, and the retrain
   * @throws IllegalArgumentException when the outcome delay is not longer than the labels' horizon
   * @throws IllegalStateException when the pipeline does not score or label in time
   */
  public ScenarioResult run() throws InterruptedException {
    Path folder =
        BundleCopy.copy(
            settings.startBundle(),
            settings.workDir().resolve(Cards.read(settings.startBundle()).name()));
    try (EmbeddedPipeline pipeline =
            EmbeddedPipeline.start(bootstrap -> config(bootstrap, folder), PARTITIONS);
        LeadProducer leads = new LeadProducer(pipeline.config());
        OutcomeProducer outcomes = new OutcomeProducer(pipeline.config());
        OutcomeReader scored = new OutcomeReader(pipeline.config())) {
      Duration horizon = pipeline.config().labelsHorizon();
      if (settings.outcomeDelay().compareTo(horizon) <= 0) {
        throw new IllegalArgumentException(
            "the outcome delay "
                + settings.outcomeDelay()
                + " must be longer than the labels' horizon "
                + horizon
                + " ("
                + LeadStreamConfig.LABELS_HORIZON_CONFIG
                + "), or no outcome is joined with its lead's event");
      }
      Phases phases = new Phases(pipeline, leads, outcomes, scored);
      List<PhaseResult> results = new ArrayList<>();
      results.add(phases.run("A", "before the shift"));
      phases.generator.shiftTo(settings.shiftedTo());
      PhaseResult shifted = phases.run("B", "after the shift");
      results.add(shifted);
      if (!settings.retrain()) {
        return new ScenarioResult(results, null);
      }
      RetrainStep retrain = retrain(pipeline, folder, shifted);
      if (retrain.promoted()) {
        awaitServing(pipeline, retrain.candidateVersion());
      }
      results.add(phases.run("C", "after the retrain"));
      return new ScenarioResult(results, retrain);
    }
  }

  /**
   * Retrains from the outcomes on leads.labelled since the shift (phase B's), as one would after
   * the warning, the last third of them judging the candidate against the serving bundle.
   */
  private RetrainStep retrain(EmbeddedPipeline pipeline, Path folder, PhaseResult shifted) {
    Instant since = Instant.parse(shifted.firstOutcome());
    Instant until = Instant.parse(shifted.lastOutcome());
    RetrainSettings retrain =
        new RetrainSettings(
            folder,
            Duration.between(since, until).dividedBy(3),
            until,
            null,
            PromotionGate.defaults(),
            BundleHistory.DEFAULT_KEEP);
    String origin = Retrainer.origin(pipeline.config()) + ", outcomes from " + since;
    return RetrainStep.of(
        new Retrainer(retrain, progress)
            .retrain(
                LabelledSnapshot.read(pipeline.config()).leads().stream()
                    .filter(lead -> !lead.getOutcomeAt().isBefore(since))
                    .toList(),
                origin));
  }

  private static void awaitServing(EmbeddedPipeline pipeline, String version)
      throws InterruptedException {
    long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
    while (!pipeline.app().modelVersion().equals(version)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the pipeline still serves "
                + pipeline.app().modelVersion()
                + " "
                + RELOAD_TIMEOUT.toSeconds()
                + " s after "
                + version
                + " was promoted into its bundle folder");
      }
      Thread.sleep(LABELLED_POLL.toMillis());
    }
  }

  private LeadStreamConfig config(String bootstrap, Path folder) {
    Map<String, Object> props = new HashMap<>(settings.overrides());
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(LeadStreamConfig.MODEL_BUNDLE_CONFIG, folder.toString());
    props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "leadstream-scenario");
    props.putIfAbsent(LeadStreamConfig.HTTP_PORT_CONFIG, 0);
    props.putIfAbsent(LeadStreamConfig.MODEL_RELOAD_INTERVAL_CONFIG, 1_000L);
    return new LeadStreamConfig(props);
  }

  /** Feeds, closes and evaluates one phase after the other, in event time. */
  private final class Phases {
    final SyntheticLeadGenerator generator = new SyntheticLeadGenerator(settings.seed());
    private final SyntheticOutcomes closer = new SyntheticOutcomes(settings.seed());
    private final EmbeddedPipeline pipeline;
    private final LeadProducer leads;
    private final OutcomeProducer outcomes;
    private final OutcomeReader scored;
    private final List<BundleManifest> cards = new ArrayList<>();

    Phases(
        EmbeddedPipeline pipeline,
        LeadProducer leads,
        OutcomeProducer outcomes,
        OutcomeReader scored) {
      this.pipeline = pipeline;
      this.leads = leads;
      this.outcomes = outcomes;
      this.scored = scored;
    }

    PhaseResult run(String name, String description) throws InterruptedException {
      String stage = "phase " + name;
      int n = settings.leadsPerPhase();
      String regime = generator.regime().name();
      String serving = pipeline.app().modelVersion();
      cardOf(serving);
      List<LabelledLead> phase = generator.generate(n);
      phase.forEach(lead -> leads.send(lead.event()));
      leads.flushAndCount();
      awaitScored(stage, n);

      List<LeadOutcome> closed =
          phase.stream().map(lead -> closer.outcomeOf(lead, settings.outcomeDelay())).toList();
      closed.forEach(outcomes::send);
      outcomes.flushAndCount();
      LabelledSnapshot snapshot = awaitLabelled(stage, closed);

      Instant first = closed.get(0).getOccurredAt();
      Instant last = closed.get(closed.size() - 1).getOccurredAt();
      Report report =
          LiveEvaluation.evaluate(
              snapshot.leads(),
              last,
              Duration.between(first.minusMillis(1), last),
              cards,
              settings.margin(),
              settings.calibrationMargin());
      return new PhaseResult(
          name,
          description,
          regime,
          n,
          closed.size(),
          first.toString(),
          last.toString(),
          serving,
          report);
    }

    private void cardOf(String version) {
      if (cards.stream().noneMatch(card -> card.version().equals(version))) {
        BundleManifest card = Cards.read(pipeline.config().modelBundle());
        if (!card.version().equals(version)) {
          throw new IllegalStateException(
              "the pipeline serves "
                  + version
                  + " but its bundle folder holds "
                  + card.version()
                  + ": a reload is under way");
        }
        cards.add(card);
      }
    }

    private void awaitScored(String stage, int n) {
      int[] done = {0};
      progress.update(stage + " score", 0, n);
      OutcomeWaiter.await(
          scored,
          n,
          waitFor(n),
          outcome -> {
            if (outcome instanceof Outcome.DeadLettered dead) {
              throw new IllegalStateException(
                  "the pipeline dead-lettered a synthetic lead: "
                      + dead.reason()
                      + " "
                      + dead.detail());
            }
            progress.update(stage + " score", ++done[0], n);
          });
      if (done[0] < n) {
        throw new IllegalStateException(
            "the pipeline scored " + done[0] + " of " + n + " leads within " + waitFor(n));
      }
    }

    /** Waits until the labelled topic holds every outcome of the phase. */
    private LabelledSnapshot awaitLabelled(String stage, List<LeadOutcome> closed)
        throws InterruptedException {
      Set<String> expected = new HashSet<>();
      closed.forEach(outcome -> expected.add(outcome.getEventId()));
      long deadline = System.nanoTime() + waitFor(closed.size()).toNanos();
      while (true) {
        LabelledSnapshot snapshot = LabelledSnapshot.read(pipeline.config());
        long labelled =
            snapshot.leads().stream()
                .filter(lead -> expected.contains(lead.getOutcome().getEventId()))
                .count();
        progress.update(stage + " label", labelled, closed.size());
        if (labelled == closed.size()) {
          return snapshot;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the pipeline labelled "
                  + labelled
                  + " of "
                  + closed.size()
                  + " outcomes within "
                  + waitFor(closed.size()));
        }
        Thread.sleep(LABELLED_POLL.toMillis());
      }
    }

    private Duration waitFor(int records) {
      Duration scaled = WAIT_PER_LEAD.multipliedBy(records);
      return scaled.compareTo(WAIT_AT_LEAST) > 0 ? scaled : WAIT_AT_LEAST;
    }
  }
}
