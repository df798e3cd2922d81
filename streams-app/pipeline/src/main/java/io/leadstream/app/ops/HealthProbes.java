package io.leadstream.app.ops;

import io.leadstream.app.metrics.CommittedOutcomes;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health probes off the HTTP threads, so that health answers never wait: every probe
 * interval the canary leads ({@link ScorerProbe}) and the cluster ({@link ClusterProbe}, whose
 * offsets feed the {@link ProgressCheck}); every second, the committed offsets of this instance's
 * tasks release the outcomes waiting in {@link CommittedOutcomes}.
 */
public final class HealthProbes implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HealthProbes.class);
  private static final Duration COMMIT_POLL = Duration.ofSeconds(1);

  private final Supplier<KafkaStreams> streams;
  private final ScorerProbe scorer;
  private final ClusterProbe cluster;
  private final ProgressCheck progress;
  private final CommittedOutcomes outcomes;
  private final Set<String> inputTopics;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          new NamedDaemonThreads("leadstream-health-probes"));
  private volatile Check model = Check.down("not probed yet");
  private volatile Check broker = Check.down("not probed yet");

  public HealthProbes(
      Supplier<KafkaStreams> streams,
      ScorerProbe scorer,
      ClusterProbe cluster,
      ProgressCheck progress,
      CommittedOutcomes outcomes,
      Collection<String> inputTopics) {
    this.streams = streams;
    this.scorer = scorer;
    this.cluster = cluster;
    this.progress = progress;
    this.outcomes = outcomes;
    this.inputTopics = Set.copyOf(inputTopics);
  }

  /** Starts probing at once, then every {@code interval}. */
  public HealthProbes start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::pollCommits, 0, COMMIT_POLL.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  public Check model() {
    return model;
  }

  public Check broker() {
    return broker;
  }

  private void probe() {
    try {
      model = scorer.run();
      try {
        ClusterProbe.Offsets offsets = cluster.offsets();
        progress.offsets(offsets.committed(), offsets.ends(), localInputPartitions());
        broker = Check.up("the cluster answers");
      } catch (IllegalStateException e) {
        broker = Check.down(e.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("Health probe failed", e);
    }
  }

  private void pollCommits() {
    try {
      KafkaStreams now = streams.get();
      progress.state(now.state());
      // TaskMetadata's committed offsets are live views, updated after every commit
      for (ThreadMetadata thread : now.metadataForLocalThreads()) {
        for (TaskMetadata task : thread.activeTasks()) {
          task.committedOffsets()
              .forEach(
                  (partition, committed) -> {
                    if (committed >= 0) {
                      outcomes.committed(partition, committed);
                    }
                  });
        }
      }
      outcomes.expire();
    } catch (RuntimeException e) {
      log.debug("Could not read committed offsets", e);
    }
  }

  private Set<TopicPartition> localInputPartitions() {
    return streams.get().metadataForLocalThreads().stream()
        .flatMap(thread -> thread.activeTasks().stream())
        .flatMap(task -> task.topicPartitions().stream())
        .filter(partition -> inputTopics.contains(partition.topic()))
        .collect(Collectors.toSet());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scorer.close();
    cluster.close();
  }
}
