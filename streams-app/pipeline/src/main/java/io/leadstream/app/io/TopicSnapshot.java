package io.leadstream.app.io;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic once, from the beginning of every partition to the end offsets it had when
 * the read started, so that the read ends even while others write. Reads committed records ({@code
 * read_committed}: LeadStream writes in transactions) unless asked for every record written,
 * aborted transactions' included. No consumer group is joined and no offset is committed.
 */
public final class TopicSnapshot {

  /** How long a read may go without progress before it gives up. */
  public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  private TopicSnapshot() {}

  /**
   * Hands every record to {@code action}, in offset order within each partition.
   *
   * @return how many records were read
   * @throws IllegalArgumentException when the topic does not exist
   * @throws IllegalStateException when the read makes no progress for {@link #STALL_TIMEOUT}
   */
  public static long read(
      Map<String, Object> clientProperties,
      String topic,
      Consumer<ConsumerRecord<byte[], byte[]>> action) {
    return read(clientProperties, topic, true, action);
  }

  /**
   * As {@link #read(Map, String, Consumer)}; with {@code committedOnly} false also the records of
   * aborted and open transactions ({@code read_uncommitted}).
   */
  public static long read(
      Map<String, Object> clientProperties,
      String topic,
      boolean committedOnly,
      Consumer<ConsumerRecord<byte[], byte[]>> action) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientProperties, committedOnly)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("Topic " + topic + " does not exist");
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long read = 0;
      long lastProgress = System.nanoTime();
      long position = positions(consumer, partitions);
      while (!atEnd(consumer, ends)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < ends.get(partition)) {
            action.accept(record);
            read++;
          }
        }
        long now = positions(consumer, partitions);
        if (now != position) {
          position = now;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
          throw new IllegalStateException(
              "Reading "
                  + topic
                  + " made no progress for "
                  + STALL_TIMEOUT.toSeconds()
                  + " s; is the cluster reachable?");
        }
      }
      return read;
    }
  }

  /** The topic's partitions, none when it does not exist. */
  public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    return infos == null
        ? List.of()
        : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  /**
   * A consumer of bytes that reads committed records of partitions it is assigned, outside any
   * group.
   */
  public static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> clientProperties) {
    return consumer(clientProperties, true);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(
      Map<String, Object> clientProperties, boolean committedOnly) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        committedOnly ? "read_committed" : "read_uncommitted");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The sum of the positions: it grows with every record and transaction marker passed. */
  private static long positions(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
    long sum = 0;
    for (TopicPartition partition : partitions) {
      sum += consumer.position(partition);
    }
    return sum;
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
