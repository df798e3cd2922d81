package io.leadstream.tools.state;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.processors.ReadTextProcessor;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.models.training.TrainingProgress;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.embedded.Folders;
import io.leadstream.tools.faults.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Measures what the pipeline's state costs for a number of leads: the bytes per lead of each store
 * and of its changelog, and the time the pipeline takes to restore its stores after losing its
 * local state, and after a kill -9.
 *
 * <p>The state is built without running the text encoder per event: synthetic leads ({@link
 * SyntheticLeadGenerator}, a first event and follow-ups) go to a fill topic, and a {@link
 * StateFiller} with the pipeline's application.id hands each event, with the real reading and score
 * of one of a sample of events ({@link SampledScores}), to the pipeline's own track step and
 * stores. The real pipeline is then started on a fresh state folder (as a new instance, or one that
 * lost its disk) and timed until every changelog partition is restored; and once more on the
 * filler's folder, in a JVM of its own that scores some live events and is killed with SIGKILL, and
 * timed as it starts again ({@link KillRecovery}).
 */
public final class StateCost {

  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(30);

  private StateCost() {}

  /**
   * @param settings the pipeline's settings (bootstrap servers, application.id, bundle, partitions
   *     of the topics it creates); its changelogs must not exist yet
   * @param work a folder for the filler's and the pipeline's state folders
   * @param samples events read and scored for real, whose scores the others borrow
   * @param liveEvents events the pipeline scores on the state before it is killed with SIGKILL
   * @param launcher how to start that pipeline in a JVM of its own
   * @param progress told each stage's progress: score, produce, fill, restore, live, restart
   */
  public static StateCostResult measure(
      LeadStreamConfig settings,
      Path work,
      int leads,
      int eventsPerLead,
      int samples,
      long seed,
      int liveEvents,
      Launcher launcher,
      TrainingProgress progress)
      throws InterruptedException, ExecutionException {
    if (leads < 1 || eventsPerLead < 1 || samples < 1) {
      throw new IllegalArgumentException(
          "leads, events per lead and samples must each be at least 1");
    }
    Path restoreDir = work.resolve("pipeline-state");
    Map<String, Object> props = new HashMap<>(settings.originals());
    props.put(StreamsConfig.STATE_DIR_CONFIG, restoreDir.toString());
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    String fillTopic = config.applicationId() + "-state-fill";
    long events = (long) leads * eventsPerLead;
    List<String> logged = List.of(TrackLeadProcessor.STORE, LeadHistory.STORE);

    List<LeadEvent> sampleEvents =
        new SyntheticLeadGenerator(seed + 1)
            .generate(samples).stream().map(LabelledLead::event).toList();
    SampledScores scores =
        SampledScores.score(
            config.modelBundle(), sampleEvents, done -> progress.update("score", done, samples));

    Map<String, Changelog> changelogs = new HashMap<>();
    Path fillDir = work.resolve("filler-state");
    try (Admin admin = Admin.create(config.clientProperties())) {
      createFillTopic(admin, config, fillTopic);
      produce(config, fillTopic, leads, eventsPerLead, seed, progress);
      StateFiller.fill(
          config,
          fillTopic,
          scores,
          events,
          fillDir,
          done -> progress.update("fill", done, events));
      admin.deleteTopics(List.of(fillTopic)).all().get();
      for (String store : logged) {
        changelogs.put(
            store, Changelog.describe(admin, Changelog.topicOf(config.applicationId(), store)));
      }
    }

    Set<TopicPartition> expected = new HashSet<>();
    changelogs.values().forEach(changelog -> expected.addAll(changelog.partitionsWithRecords()));
    long toRestore = changelogs.values().stream().mapToLong(Changelog::totalRecords).sum();
    RestoreClock clock = new RestoreClock(expected);
    long started = System.nanoTime();
    long heapMiB;
    LeadStreamApp app = LeadStreamApp.start(config, clock);
    try {
      clock.await(RESTORE_TIMEOUT, done -> progress.update("restore", done, toRestore));
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      heapMiB = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    } finally {
      // closed before the folders are measured: the stores' last writes are flushed to disk
      app.close();
    }
    double restoreSeconds = (clock.lastEndNanos() - started) / 1e9;

    Path appDir = config.applicationStateDir();
    List<StateCostResult.StoreCost> stores = new ArrayList<>();
    for (String store : logged) {
      Changelog changelog = changelogs.get(store);
      RestoreClock.StoreRestore restore = clock.of(store);
      stores.add(
          new StateCostResult.StoreCost(
              store,
              true,
              changelog.totalRecords(),
              changelog.bytes(),
              StoreFolders.bytes(appDir, store),
              restore.records(),
              restore.seconds()));
    }
    stores.add(new StateCostResult.StoreCost(ReadTextProcessor.STORE, false, 0, 0, 0, 0, 0));
    Folders.deleteQuietly(restoreDir);

    // the pipeline on the filler's state folder, as if it had written it, killed while it runs
    props.put(StreamsConfig.STATE_DIR_CONFIG, fillDir.toString());
    StateCostResult.AfterKill afterKill =
        KillRecovery.measure(
            new LeadStreamConfig(props), launcher, work, liveEvents, seed, progress);
    Folders.deleteQuietly(fillDir);
    return new StateCostResult(leads, events, stores, restoreSeconds, heapMiB, afterKill);
  }

  /** The fill topic has the input topic's partitions, so a lead lands in its own task. */
  private static void createFillTopic(Admin admin, LeadStreamConfig config, String fillTopic)
      throws InterruptedException, ExecutionException {
    int partitions =
        admin
            .describeTopics(List.of(config.rawTopic()))
            .allTopicNames()
            .get()
            .get(config.rawTopic())
            .partitions()
            .size();
    short replication = config.topicReplicationFactor();
    admin
        .createTopics(
            List.of(
                new NewTopic(
                    fillTopic,
                    Optional.of(partitions),
                    replication < 0 ? Optional.empty() : Optional.of(replication))))
        .all()
        .get();
    TopicCreator.awaitWritable(admin, List.of(fillTopic));
  }

  /** Each lead's first event and its follow-ups, keyed by lead id as a CRM producer keys them. */
  private static void produce(
      LeadStreamConfig config,
      String fillTopic,
      int leads,
      int eventsPerLead,
      long seed,
      TrainingProgress progress) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(seed);
    long events = (long) leads * eventsPerLead;
    long sent = 0;
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, LeadEvent> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), LeadStreamSerdes.leadEvent().serializer())) {
      for (int i = 0; i < leads; i++) {
        LeadEvent event = generator.next().event();
        for (int k = 0; k < eventsPerLead; k++) {
          if (k > 0) {
            event = generator.followUp(event);
          }
          producer.send(
              new ProducerRecord<>(fillTopic, event.getLeadId(), event),
              (metadata, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                }
              });
          if (++sent % 10_000 == 0 || sent == events) {
            progress.update("produce", sent, events);
          }
        }
      }
      producer.flush();
    }
    // a lost event would leave the filler waiting for it
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Sending the state's events to " + fillTopic + " failed: " + failure.get().getMessage(),
          failure.get());
    }
  }
}
