package io.leadstream.tools.state;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Times the restores of the stores from their changelogs: per store the records restored and the
 * span from its first partition's start to its last partition's end, and when the last expected
 * changelog partition was restored.
 */
final class RestoreClock implements StateRestoreListener {

  /** A store's restore: records restored and its span in nanoseconds (System.nanoTime). */
  record StoreRestore(long records, long startNanos, long endNanos) {
    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }
  }

  private final Set<TopicPartition> pending = ConcurrentHashMap.newKeySet();
  private final Map<String, StoreRestore> stores = new ConcurrentHashMap<>();
  private final AtomicLong restored = new AtomicLong();
  private volatile long lastEndNanos;

  /**
   * @param expected the changelog partitions that hold records, each of which must be restored
   */
  RestoreClock(Set<TopicPartition> expected) {
    pending.addAll(expected);
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String store, long startOffset, long endOffset) {
    long now = System.nanoTime();
    stores.merge(
        store,
        new StoreRestore(0, now, now),
        (a, b) -> new StoreRestore(a.records(), Math.min(a.startNanos(), now), a.endNanos()));
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    restored.addAndGet(numRestored);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    long now = System.nanoTime();
    stores.merge(
        store,
        new StoreRestore(totalRestored, now, now),
        (a, b) ->
            new StoreRestore(
                a.records() + totalRestored, a.startNanos(), Math.max(a.endNanos(), now)));
    lastEndNanos = now;
    pending.remove(partition);
  }

  /**
   * Waits until every expected partition has been restored.
   *
   * @param progress told the records restored so far, about once a second
   * @throws IllegalStateException when they are not restored within {@code timeout}
   */
  void await(Duration timeout, LongConsumer progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The stores were not restored within "
                + timeout
                + ": "
                + restored.get()
                + " records restored, partitions still restoring: "
                + pending);
      }
      progress.accept(restored.get());
      TimeUnit.MILLISECONDS.sleep(200);
    }
    progress.accept(restored.get());
  }

  /** When the last expected partition was restored (System.nanoTime). */
  long lastEndNanos() {
    return lastEndNanos;
  }

  /** The restore of {@code store}, or none when no partition of it was restored. */
  StoreRestore of(String store) {
    return stores.getOrDefault(store, new StoreRestore(0, 0, 0));
  }
}
