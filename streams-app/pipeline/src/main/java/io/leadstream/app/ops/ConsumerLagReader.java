package io.leadstream.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
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
 * Reads a consumer group's lag on a topic: committed offset, log-end offset and record lag per
 * partition, and the time lag, from the timestamp of the oldest record the group has not processed.
 */
public final class ConsumerLagReader {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientProperties;
  private final Clock clock;

  public ConsumerLagReader(Map<String, Object> clientProperties, Clock clock) {
    this.clientProperties = clientProperties;
    this.clock = clock;
  }

  public List<PartitionLag> read(String groupId, String topic)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(clientProperties)) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get();
      Map<TopicPartition, ListOffsetsResultInfo> starts =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
              .all()
              .get();
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
                topic,
                partition.partition(),
                offset == null ? -1 : offset.offset(),
                end,
                Math.max(0, end - next),
                timestamp == null ? 0 : Math.max(0, now - timestamp)));
      }
      lags.sort(Comparator.comparingInt(PartitionLag::partition));
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
