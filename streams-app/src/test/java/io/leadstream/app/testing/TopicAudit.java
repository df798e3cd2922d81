package io.leadstream.app.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.schema.PrioritizedLead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as it is now, with either isolation level: {@code read_uncommitted} also
 * sees the records of aborted transactions, which {@code read_committed} never delivers.
 */
public final class TopicAudit {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TopicAudit() {}

  /** Every record of {@code topic} up to its current end (the last stable offset for read_committed). */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(LeadStreamConfig config, String topic, boolean committedOnly) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The prioritized leads of a topic written with LeadStream's serde. */
  public static List<PrioritizedLead> leads(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(record -> {
      try {
        return LeadSerdes.prioritizedLead().decode(record.value());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
