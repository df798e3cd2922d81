package io.leadstream.tools.state;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.models.training.TrainingProgress;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.faults.ChildJvm;
import io.leadstream.tools.faults.Launcher;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The restore after a kill -9 of the running pipeline: the pipeline is started in a JVM of its own
 * on the state folder the filler left, scores live events, and is killed with SIGKILL; the pipeline
 * is then started again on the same folder and timed until it runs. With LeadStream's transactional
 * state stores a store keeps what it had flushed, and only the changelogs' tail since is restored;
 * without them ({@code -D enable.transactional.statestores=false}) exactly-once Streams wipes a
 * store it finds left open by an unclean shutdown and restores it whole.
 */
final class KillRecovery {

  /** Live leads' ids start with this, apart from the filled state's. */
  static final String LIVE_LEAD_PREFIX = "live-";

  private static final Duration LIVE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(30);

  private KillRecovery() {}

  /**
   * @param config the pipeline's settings, whose state folder holds the filler's stores
   * @param launcher how to start the pipeline in a JVM of its own
   * @param logDir where the killed JVM's log goes
   */
  static StateCostResult.AfterKill measure(
      LeadStreamConfig config,
      Launcher launcher,
      Path logDir,
      int liveEvents,
      long seed,
      TrainingProgress progress)
      throws InterruptedException {
    List<String> run = new ArrayList<>(List.of("run"));
    config.originals().forEach((key, value) -> run.add("-D" + key + "=" + value));
    ChildJvm pipeline =
        new ChildJvm(
            "state-cost-pipeline",
            launcher.classPath(),
            launcher.mainClass(),
            List.of(),
            run,
            logDir);
    try (OutcomeReader reader = new OutcomeReader(config)) {
      pipeline.start();
      try {
        sendLive(config, liveEvents, seed);
        AtomicInteger scored = new AtomicInteger();
        int seen =
            OutcomeWaiter.await(
                reader,
                liveEvents,
                LIVE_TIMEOUT,
                outcome -> progress.update("live", scored.incrementAndGet(), liveEvents));
        if (seen < liveEvents) {
          throw new IllegalStateException(
              "The pipeline scored "
                  + seen
                  + " of "
                  + liveEvents
                  + " live events within "
                  + LIVE_TIMEOUT
                  + "; its log ends: "
                  + pipeline.logTail());
        }
      } finally {
        pipeline.kill();
      }
    }

    RestoreClock clock = new RestoreClock(Set.of());
    long started = System.nanoTime();
    try (LeadStreamApp app = LeadStreamApp.start(config, clock)) {
      long deadline = started + READY_TIMEOUT.toNanos();
      while (app.streams().state() != KafkaStreams.State.RUNNING) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The pipeline did not run within " + READY_TIMEOUT + " after the kill");
        }
        progress.update("restart", 0, 1);
        TimeUnit.MILLISECONDS.sleep(100);
      }
      double readySeconds = (System.nanoTime() - started) / 1e9;
      return new StateCostResult.AfterKill(
          liveEvents,
          clock.of(TrackLeadProcessor.STORE).records(),
          clock.of(LeadHistory.STORE).records(),
          readySeconds);
    }
  }

  /**
   * New synthetic leads' first events, without free text (the encoder skips them), into the
   * pipeline's input topic: fast enough that the live phase writes more than the stores' memtables
   * hold, as a long-running pipeline has, so the kill finds some of it flushed.
   */
  private static void sendLive(LeadStreamConfig config, int count, long seed) {
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(seed + 2);
    try (LeadProducer producer = new LeadProducer(config)) {
      for (LabelledLead lead : generator.generate(count)) {
        LeadEvent event = lead.event();
        producer.send(
            LeadEvent.newBuilder(event)
                .setLeadId(LIVE_LEAD_PREFIX + event.getLeadId())
                .setNotes(null)
                .setLastMessage(null)
                .build());
      }
      producer.flushAndCount();
    }
  }
}
