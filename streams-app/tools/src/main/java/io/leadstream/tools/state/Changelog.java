package io.leadstream.tools.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * A store's changelog topic as the brokers hold it: its records per partition (end offset less
 * start offset: the count for a changelog written without transactions, whose markers would take
 * offsets too) and its bytes in the brokers' log folders (record batches as written, with their
 * headers).
 */
record Changelog(String topic, Map<TopicPartition, Long> records, long bytes) {

  /** The changelog topic Kafka Streams names for a store of an application. */
  static String topicOf(String applicationId, String store) {
    return applicationId + "-" + store + "-changelog";
  }

  static Changelog describe(Admin admin, String topic)
      throws ExecutionException, InterruptedException {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    description
        .partitions()
        .forEach(
            p -> {
              TopicPartition partition = new TopicPartition(topic, p.partition());
              earliest.put(partition, OffsetSpec.earliest());
              latest.put(partition, OffsetSpec.latest());
            });
    var starts = admin.listOffsets(earliest).all().get();
    var ends = admin.listOffsets(latest).all().get();
    Map<TopicPartition, Long> records = new HashMap<>();
    ends.forEach(
        (partition, end) -> records.put(partition, end.offset() - starts.get(partition).offset()));
    List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
    long bytes = 0;
    for (Map<String, LogDirDescription> dirs :
        admin.describeLogDirs(brokers).allDescriptions().get().values()) {
      for (LogDirDescription dir : dirs.values()) {
        for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
          if (replica.getKey().topic().equals(topic)) {
            bytes += replica.getValue().size();
          }
        }
      }
    }
    return new Changelog(topic, Map.copyOf(records), bytes);
  }

  /** The partitions that hold records: those a restore goes through. */
  Set<TopicPartition> partitionsWithRecords() {
    return records.entrySet().stream()
        .filter(partition -> partition.getValue() > 0)
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  long totalRecords() {
    return records.values().stream().mapToLong(Long::longValue).sum();
  }
}
