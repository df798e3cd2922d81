package io.leadstream.app.dlq;

import io.leadstream.app.io.TopicSnapshot;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Fetches one record from its topic by exact position, for dead letters whose value (or key) was
 * too large to copy into the dead-letter topic. The record must still be there: retention may have
 * deleted it, compaction may have removed it, and a topic deleted and created again holds other
 * records at the same offsets (hence the key check).
 */
public final class SourceRecordFetcher implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  /** What a fetch found. */
  public sealed interface Fetch {}

  /** The record is there, with its key and value bytes. */
  public record Found(byte[] key, byte[] value) implements Fetch {}

  /** The record is no longer there, and why. */
  public record Gone(String why) implements Fetch {}

  private final Map<String, Object> clientProperties;
  private KafkaConsumer<byte[], byte[]> consumer;

  /**
   * @param clientProperties Kafka client settings (bootstrap servers, security); connects at the
   *     first fetch
   */
  public SourceRecordFetcher(Map<String, Object> clientProperties) {
    this.clientProperties = clientProperties;
  }

  /**
   * Reads the record at {@code position}.
   *
   * @param expectedKey the key the record must have; null to accept any key
   * @return {@link Found} with its key and value, or {@link Gone} saying why it is not there
   * @throws IllegalStateException when the partition yields nothing for {@link
   *     TopicSnapshot#STALL_TIMEOUT}
   */
  public Fetch fetch(RecordPosition position, byte[] expectedKey) {
    if (consumer == null) {
      consumer = TopicSnapshot.consumer(clientProperties);
    }
    TopicPartition partition = new TopicPartition(position.topic(), position.partition());
    boolean exists = TopicSnapshot.partitions(consumer, position.topic()).contains(partition);
    if (!exists) {
      return new Gone(
          "partition " + position.partition() + " of " + position.topic() + " does not exist");
    }
    long start = consumer.beginningOffsets(List.of(partition)).get(partition);
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    if (position.offset() < start) {
      return new Gone("deleted by retention (the partition now starts at offset " + start + ")");
    }
    if (position.offset() >= end) {
      return new Gone(
          "beyond the partition's end (offset " + end + "): was the topic created again?");
    }
    consumer.assign(List.of(partition));
    consumer.seek(partition, position.offset());
    long deadline = System.nanoTime() + TopicSnapshot.STALL_TIMEOUT.toNanos();
    while (consumer.position(partition) < end) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      if (!records.isEmpty()) {
        ConsumerRecord<byte[], byte[]> record = records.iterator().next();
        if (record.offset() != position.offset()) {
          return new Gone(
              "offset " + position.offset() + " no longer holds a record (compacted away)");
        }
        if (expectedKey != null && !Arrays.equals(expectedKey, record.key())) {
          return new Gone(
              "offset "
                  + position.offset()
                  + " holds a record with another key: was the topic created again?");
        }
        return new Found(record.key(), record.value());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Fetching "
                + position
                + " made no progress for "
                + TopicSnapshot.STALL_TIMEOUT.toSeconds()
                + " s; is the cluster reachable?");
      }
    }
    return new Gone(
        "offset "
            + position.offset()
            + " no longer holds a record (compacted away, or an aborted write)");
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
    }
  }
}
