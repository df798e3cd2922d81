package io.leadstream.app.ops;

import io.leadstream.app.streams.errors.Causes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Asks the cluster, within a timeout, for the consumer group's committed offsets and the log-end
 * offsets of the input topics: the answer feeds the progress check, and not getting one means the
 * broker is unreachable, which Kafka Streams itself would only log.
 */
public final class ClusterProbe implements AutoCloseable {

  /** The group's offsets on the input topics, as the cluster gave them. */
  public record Offsets(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {}

  private final Admin admin;
  private final String groupId;
  private final List<String> topics;
  private final Duration timeout;

  public ClusterProbe(
      Map<String, Object> clientProperties, String groupId, List<String> topics, Duration timeout) {
    this.admin = Admin.create(clientProperties);
    this.groupId = groupId;
    this.topics = List.copyOf(topics);
    this.timeout = timeout;
  }

  /**
   * @throws IllegalStateException saying why the cluster did not answer in time, or naming an input
   *     topic that does not exist
   */
  public Offsets offsets() {
    try {
      long millis = timeout.toMillis();
      List<TopicPartition> partitions = TopicOffsets.partitions(admin, topics, millis);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(
                  groupId, new ListConsumerGroupOffsetsOptions().timeoutMs((int) millis))
              .partitionsToOffsetAndMetadata()
              .get(millis, TimeUnit.MILLISECONDS);
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          TopicOffsets.at(admin, partitions, OffsetSpec.latest(), millis);
      Map<TopicPartition, Long> committedOffsets = new HashMap<>();
      committed.forEach(
          (partition, offset) -> {
            if (offset != null && topics.contains(partition.topic())) {
              committedOffsets.put(partition, offset.offset());
            }
          });
      Map<TopicPartition, Long> endOffsets = new HashMap<>();
      ends.forEach((partition, info) -> endOffsets.put(partition, info.offset()));
      return new Offsets(committedOffsets, endOffsets);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (IllegalStateException e) {
      throw e; // an input topic missing (TopicOffsets): the cluster did answer
    } catch (Exception e) {
      throw new IllegalStateException(
          "the Kafka cluster did not answer within "
              + timeout.toMillis()
              + " ms ("
              + Causes.rootCause(e).getClass().getSimpleName()
              + ")",
          e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
