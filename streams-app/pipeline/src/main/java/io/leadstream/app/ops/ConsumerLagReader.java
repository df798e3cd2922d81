package io.leadstream.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a consumer group's lag on the topics it consumes: committed offset, log-end offset and
 * record lag per partition, and the time lag, from the timestamp of the oldest record the group has
 * not processed.
 */
public final class ConsumerLagReader {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientProperties;
  private final Clock clock;

  public ConsumerLagReader(Map<String, Object> clientProperties, Clock clock) {
    this.clientProperties = clientProperties;
    this.clock = clock;
  }

  /** One row per partition of {@code topics}, in their order, then by partition number. */
  public List<PartitionLag> read(String groupId, List<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    long timeoutMs = TIMEOUT.toMillis();
    try (Admin admin = Admin.create(clientProperties)) {
      List<TopicPartition> partitions = TopicOffsets.partitions(admin, topics, timeoutMs);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(timeoutMs, TimeUnit.MILLISECONDS);
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          TopicOffsets.at(admin, partitions, OffsetSpec.latest(), timeoutMs);
      Map<TopicPartition, ListOffsetsResultInfo> starts =
          TopicOffsets.at(admin, partitions, OffsetSpec.earliest(), timeoutMs);
      Map<TopicPartition, Long> nextToProcess = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = committed.get(partition);
        nextToProcess.put(
            partition, offset == null ? starts.get(partition).offset() : offset.offset());
      }
      Map<TopicPartition, Long> oldestUnprocessed = timestampsAt(nextToProcess, ends);
      long now = clock.millis();
      List<PartitionLag> lags = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = committed.get(partition);
        long end = ends.get(partition).offset();
        long next = nextToProcess.get(partition);
        Long timestamp = oldestUnprocessed.get(partition);
        lags.add(
            new PartitionLag(
                partition.topic(),
                partition.partition(),
                offset == null ? -1 : offset.offset(),
                end,
                Math.max(0, end - next),
                timestamp == null ? 0 : Math.max(0, now - timestamp)));
      }
      return lags;
    }
  }

  /** The timestamp of the record at each given offset, for partitions that have one. */
  private Map<TopicPartition, Long> timestampsAt(
      Map<TopicPartition, Long> offsets, Map<TopicPartition, ListOffsetsResultInfo> ends) {
    List<TopicPartition> behind =
        offsets.keySet().stream().filter(p -> offsets.get(p) < ends.get(p).offset()).toList();
    Map<TopicPartition, Long> timestamps = new HashMap<>();
    if (behind.isEmpty()) {
      return timestamps;
    }
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(behind);
      behind.forEach(p -> consumer.seek(p, offsets.get(p)));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (timestamps.size() < behind.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (timestamps.putIfAbsent(partition, record.timestamp()) == null) {
            consumer.pause(List.of(partition));
          }
        }
      }
    }
    return timestamps;
  }
}
