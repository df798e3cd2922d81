package io.leadstream.app.ops;

import java.util.ArrayList;
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
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The partitions of the topics a consumer group reads, and their offsets, as the cluster says. */
final class TopicOffsets {

  private TopicOffsets() {}

  /**
   * Every partition of {@code topics}, in the order of the topics, then by partition number.
   *
   * @throws IllegalStateException naming a topic that does not exist
   */
  static List<TopicPartition> partitions(Admin admin, List<String> topics, long timeoutMs)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, KafkaFuture<TopicDescription>> described =
        admin.describeTopics(topics).topicNameValues();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      try {
        described.get(topic).get(timeoutMs, TimeUnit.MILLISECONDS).partitions().stream()
            .map(partition -> new TopicPartition(topic, partition.partition()))
            .forEach(partitions::add);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          throw new IllegalStateException(
              "topic "
                  + topic
                  + " does not exist: LeadStream creates its topics when it starts, "
                  + "or run `leadstream topics`",
              e);
        }
        throw e;
      }
    }
    return partitions;
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
