package io.leadstream.app.metrics;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts outcomes (a lead scored in a tier, a dead letter by reason) only once their input record's
 * offset is committed, so that {@code /metrics} never counts an attempt a crash or a failed task
 * aborted. Processors record each outcome under its input partition and offset; a record processed
 * again after an abort replaces its earlier attempt. The committed offsets of this instance's tasks
 * then release what they cover into the counters. Outcomes never committed here (the partition
 * moved to another instance) are forgotten after {@code maxPending}.
 */
public final class CommittedOutcomes {

  private record Pending(Counter counter, long recordedAtNanos) {}

  private final Map<TopicPartition, NavigableMap<Long, Pending>> pending =
      new ConcurrentHashMap<>();
  private final Duration maxPending;
  private final LongSupplier nanoTime;

  public CommittedOutcomes(Duration maxPending, LongSupplier nanoTime) {
    this.maxPending = maxPending;
    this.nanoTime = nanoTime;
  }

  /** Notes one outcome of the input record at {@code offset}, to count once it is committed. */
  public void record(String topic, int partition, long offset, Counter counter) {
    if (offset < 0) {
      counter.increment(); // no input offset (a punctuation or a test harness): nothing to wait for
      return;
    }
    pending
        .computeIfAbsent(new TopicPartition(topic, partition), p -> new ConcurrentSkipListMap<>())
        .put(offset, new Pending(counter, nanoTime.getAsLong()));
  }

  /**
   * Counts the outcomes of {@code partition} below {@code committedOffset}, the next offset to
   * process.
   */
  public void committed(TopicPartition partition, long committedOffset) {
    NavigableMap<Long, Pending> waiting = pending.get(partition);
    if (waiting == null) {
      return;
    }
    NavigableMap<Long, Pending> done = waiting.headMap(committedOffset, false);
    while (!done.isEmpty()) {
      Map.Entry<Long, Pending> first = done.pollFirstEntry();
      if (first != null) {
        first.getValue().counter().increment();
      }
    }
  }

  /** Forgets outcomes that waited longer than {@code maxPending} for a commit. */
  public void expire() {
    long oldest = nanoTime.getAsLong() - maxPending.toNanos();
    pending
        .values()
        .forEach(waiting -> waiting.values().removeIf(p -> p.recordedAtNanos() - oldest < 0));
  }

  /** Outcomes recorded but not yet committed. */
  public int pendingCount() {
    return pending.values().stream().mapToInt(Map::size).sum();
  }
}
