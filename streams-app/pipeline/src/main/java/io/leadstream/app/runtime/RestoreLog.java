package io.leadstream.app.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each store partition restored from its changelog, where it started and how many records it
 * took, then tells {@code next}: after a crash the log says whether a store was restored from the
 * start of its changelog or only from its last committed offset.
 */
final class RestoreLog implements StateRestoreListener {

  private static final Logger log = LoggerFactory.getLogger(RestoreLog.class);

  private final StateRestoreListener next;
  private final Map<TopicPartition, Long> startedNanos = new ConcurrentHashMap<>();

  RestoreLog(StateRestoreListener next) {
    this.next = next;
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String store, long startOffset, long endOffset) {
    startedNanos.put(partition, System.nanoTime());
    log.info(
        "Restoring {} from {} offsets {} to {}: at most {} records",
        store,
        partition,
        startOffset,
        endOffset,
        endOffset - startOffset);
    next.onRestoreStart(partition, store, startOffset, endOffset);
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    next.onBatchRestored(partition, store, batchEndOffset, numRestored);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    Long started = startedNanos.remove(partition);
    log.info(
        "Restored {} from {}: {} records in {} ms",
        store,
        partition,
        totalRestored,
        started == null ? "?" : (System.nanoTime() - started) / 1_000_000);
    next.onRestoreEnd(partition, store, totalRestored);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    startedNanos.remove(partition);
    log.info("Restore of {} from {} suspended after {} records", store, partition, totalRestored);
    next.onRestoreSuspended(partition, store, totalRestored);
  }
}
