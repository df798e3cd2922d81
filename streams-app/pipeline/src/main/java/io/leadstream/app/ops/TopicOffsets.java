package io.leadstream.app.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** The partitions of the topics a consumer group reads, and their offsets, as the cluster says. */
final class TopicOffsets {

  private TopicOffsets() {}

  /** Every partition of {@code topics}, in the order of the topics, then by partition number. */
  static List<TopicPartition> partitions(Admin admin, List<String> topics, long timeoutMs)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, TopicDescription> described =
        admin.describeTopics(topics).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
    return topics.stream()
        .flatMap(
            topic ->
                described.get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())))
        .toList();
  }

  /** Each partition's earliest or latest offset. */
  static Map<TopicPartition, ListOffsetsResultInfo> at(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec, long timeoutMs)
      throws ExecutionException, InterruptedException, TimeoutException {
    return admin
        .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
        .all()
        .get(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
