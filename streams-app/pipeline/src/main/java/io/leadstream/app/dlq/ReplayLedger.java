package io.leadstream.app.dlq;

import io.leadstream.app.io.TopicSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Which dead letters have been replayed: a compacted topic beside the dead-letter topic, named
 * {@code <dead-letter topic>.replayed}, with one record per replayed dead letter, keyed by the dead
 * letter's own position ({@code topic/partition/offset}) and valued by the ISO instant of the
 * replay. Entries are written in the same transaction as the replayed records, so the ledger holds
 * a dead letter exactly when its replay is committed. A dead letter that fails again after its
 * replay is a new dead letter, at a new position, and can be replayed in turn. A tombstone for a
 * key forgets that replay.
 */
public final class ReplayLedger {

  private static final String SUFFIX = ".replayed";

  private final Map<String, Object> clientProperties;
  private final String topic;

  /**
   * @param clientProperties Kafka client settings (bootstrap servers, security)
   * @param deadLetterTopic the dead-letter topic whose replays this ledger records
   */
  public ReplayLedger(Map<String, Object> clientProperties, String deadLetterTopic) {
    this.clientProperties = clientProperties;
    this.topic = topicFor(deadLetterTopic);
  }

  /** The ledger topic of a dead-letter topic. */
  public static String topicFor(String deadLetterTopic) {
    return deadLetterTopic + SUFFIX;
  }

  /** The ledger topic's name. */
  public String topic() {
    return topic;
  }

  /**
   * The dead letters whose replay is committed, read to the ledger's end; none when the ledger
   * topic does not exist yet. Read it after {@link DeadLetterReplayer#start} so that a replay that
   * was still committing is included.
   */
  public Set<RecordPosition> read() {
    Set<RecordPosition> replayed = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = TopicSnapshot.consumer(clientProperties)) {
      if (TopicSnapshot.partitions(consumer, topic).isEmpty()) {
        return replayed;
      }
    }
    TopicSnapshot.read(
        clientProperties,
        topic,
        record -> {
          if (record.key() == null) {
            return;
          }
          RecordPosition position =
              RecordPosition.parse(new String(record.key(), StandardCharsets.UTF_8));
          if (record.value() == null) {
            replayed.remove(position);
          } else {
            replayed.add(position);
          }
        });
    return replayed;
  }

  /** The ledger record saying that a dead letter was replayed at a given time. */
  ProducerRecord<byte[], byte[]> entry(RecordPosition deadLetter, Instant replayedAt) {
    return new ProducerRecord<>(
        topic, key(deadLetter), replayedAt.toString().getBytes(StandardCharsets.UTF_8));
  }

  static byte[] key(RecordPosition deadLetter) {
    return deadLetter.toString().getBytes(StandardCharsets.UTF_8);
  }
}
