package io.leadstream.tools.faults;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the committed outcomes while the campaign runs: how often each event was scored and each
 * source record dead-lettered, and per partition the newest input (by its timestamp, which the
 * output carries) that has a committed outcome, from which the campaign times its recoveries: a
 * partition has recovered from a fault at T once an input produced after T has its outcome.
 */
final class CampaignAudit implements AutoCloseable {

  private final OutcomeReader reader;
  private final Map<String, Integer> scored = new ConcurrentHashMap<>();
  private final Map<String, Integer> deadLetters = new ConcurrentHashMap<>();
  private final Map<Integer, Long> newestInputMs = new ConcurrentHashMap<>();
  private final AtomicLong outcomes = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final int partitions;
  private final Thread thread;

  CampaignAudit(LeadStreamConfig config, int partitions) {
    this.reader = new OutcomeReader(config);
    this.partitions = partitions;
    this.thread = new Thread(this::run, "campaign-audit");
  }

  CampaignAudit start() {
    thread.start();
    return this;
  }

  private void run() {
    while (running.get()) {
      for (Outcome outcome : reader.poll(Duration.ofMillis(200))) {
        if (outcome instanceof Outcome.Scored s) {
          scored.merge(s.lead().getEventId(), 1, Integer::sum);
          newestInputMs.merge(s.partition(), s.inputTimestampMs(), Math::max);
        } else if (outcome instanceof Outcome.DeadLettered d) {
          deadLetters.merge(d.source(), 1, Integer::sum);
        }
        outcomes.incrementAndGet();
      }
    }
  }

  /**
   * Whether every partition has the outcome of an input produced after {@code sinceMs} (epoch
   * millis).
   */
  boolean everyPartitionDeliveredSince(long sinceMs) {
    for (int p = 0; p < partitions; p++) {
      Long newest = newestInputMs.get(p);
      if (newest == null || newest <= sinceMs) {
        return false;
      }
    }
    return true;
  }

  /** Per partition, how long before {@code nowMs} the newest input with an outcome was produced. */
  String newestDeliveries(long nowMs) {
    StringBuilder ages = new StringBuilder();
    for (int p = 0; p < partitions; p++) {
      Long newest = newestInputMs.get(p);
      ages.append(ages.length() == 0 ? "" : ", ")
          .append("partition ")
          .append(p)
          .append(": ")
          .append(newest == null ? "none yet" : (nowMs - newest) + " ms ago");
    }
    return ages.toString();
  }

  /**
   * Waits until every partition has the outcome of an input produced after {@code sinceMs}.
   *
   * @return how long after {@code sinceMs} that was; empty when not within {@code timeout}
   */
  Optional<Duration> awaitRecovery(long sinceMs, Duration timeout) throws InterruptedException {
    long deadline = sinceMs + timeout.toMillis();
    while (!everyPartitionDeliveredSince(sinceMs)) {
      if (System.currentTimeMillis() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(50);
    }
    return Optional.of(Duration.ofMillis(System.currentTimeMillis() - sinceMs));
  }

  long outcomes() {
    return outcomes.get();
  }

  /** Times each event id was scored (committed). */
  Map<String, Integer> scored() {
    return scored;
  }

  /** Times each source record ({@code topic-partition@offset}) was dead-lettered (committed). */
  Map<String, Integer> deadLetters() {
    return deadLetters;
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reader.close();
  }
}
