package io.leadstream.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this instance makes progress: red when one of its input partitions has lag and its
 * committed offset has not moved for {@code timeout}, or when Kafka Streams has not been RUNNING
 * for {@code timeout}. Fed by {@link HealthProbes} with the group's committed and end offsets.
 */
public final class ProgressCheck {

  private record Progress(long committed, Instant since) {}

  private final Duration timeout;
  private final Clock clock;
  private final Map<TopicPartition, Progress> partitions = new HashMap<>();

  /** When each input partition was last seen assigned to this instance. */
  private final Map<TopicPartition, Instant> lastLocal = new HashMap<>();

  private Map<TopicPartition, Long> lag = Map.of();
  private KafkaStreams.State state = KafkaStreams.State.CREATED;
  private Instant stateSince;
  private Instant lastAdvance;

  public ProgressCheck(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
    this.stateSince = clock.instant();
  }

  /** Notes the state of Streams now. */
  public synchronized void state(KafkaStreams.State now) {
    if (now != state) {
      state = now;
      stateSince = clock.instant();
    }
  }

  /**
   * Notes the group's offsets on the input topics and which of their partitions this instance works
   * on now.
   *
   * @param committed the group's committed offset per partition (absent: none committed yet)
   * @param ends each partition's log-end offset
   */
  public synchronized void offsets(
      Map<TopicPartition, Long> committed,
      Map<TopicPartition, Long> ends,
      Set<TopicPartition> local) {
    Instant now = clock.instant();
    Map<TopicPartition, Long> lags = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      long at = committed.getOrDefault(end.getKey(), 0L);
      lags.put(end.getKey(), Math.max(0, end.getValue() - at));
      Progress before = partitions.get(end.getKey());
      if (before == null || before.committed() != at) {
        partitions.put(end.getKey(), new Progress(at, now));
        if (before != null) {
          lastAdvance = now;
        }
      }
    }
    lag = lags;
    local.forEach(partition -> lastLocal.put(partition, now));
  }

  /**
   * The partitions this instance worked on within the timeout: a failed thread's partitions leave
   * the assignment until its replacement rejoins the group, which can take a session timeout.
   */
  private Set<TopicPartition> watched(Instant now) {
    Set<TopicPartition> watched = new HashSet<>();
    lastLocal.forEach(
        (partition, seen) -> {
          if (Duration.between(seen, now).compareTo(timeout) <= 0) {
            watched.add(partition);
          }
        });
    return watched;
  }

  /** When the committed offset of any input partition last moved, if it did since the start. */
  public synchronized Optional<Instant> lastAdvance() {
    return Optional.ofNullable(lastAdvance);
  }

  public synchronized Check check() {
    Instant now = clock.instant();
    if (state != KafkaStreams.State.RUNNING
        && Duration.between(stateSince, now).compareTo(timeout) > 0) {
      return Check.down(
          "Kafka Streams has been "
              + state
              + " for "
              + Duration.between(stateSince, now).toSeconds()
              + " s");
    }
    List<String> stalled =
        watched(now).stream()
            .filter(p -> lag.getOrDefault(p, 0L) > 0)
            .filter(
                p ->
                    partitions.containsKey(p)
                        && Duration.between(partitions.get(p).since(), now).compareTo(timeout) > 0)
            .sorted(Comparator.comparing(TopicPartition::toString))
            .map(
                p ->
                    p
                        + " (lag "
                        + lag.get(p)
                        + ", no commit for "
                        + Duration.between(partitions.get(p).since(), now).toSeconds()
                        + " s)")
            .toList();
    return stalled.isEmpty()
        ? Check.up("every partition of this instance commits or has no lag")
        : Check.down("no progress on " + String.join(", ", stalled));
  }
}
