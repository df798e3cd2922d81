package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates LeadStream's topics ({@link TopicPlan}) where they are missing; existing topics are left
 * as they are.
 */
public final class TopicCreator {

  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private TopicCreator() {}

  /**
   * Waits until every partition of the topics can be written: its leader is in the broker's
   * metadata and answers for the partition. A broker shows a new partition's leader in its metadata
   * a moment before it leads it; an idempotent producer with requests in flight can then have its
   * first request refused and overtaken by the next, and every retry of the first fails with
   * OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery time-out expires its records (KAFKA-15591,
   * fixed in brokers from Kafka 4.5). Asking each leader for the partition's end offset closes that
   * gap.
   */
  public static void awaitWritable(Admin admin, Collection<String> topics)
      throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> described =
            admin.describeTopics(topics).allTopicNames().get();
        boolean led =
            described.values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        if (led) {
          admin.listOffsets(endOffsetsOf(described)).all().get();
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Topics " + topics + " cannot be written to after " + READY_TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  private static Map<TopicPartition, OffsetSpec> endOffsetsOf(
      Map<String, TopicDescription> topics) {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (TopicDescription topic : topics.values()) {
      for (TopicPartitionInfo partition : topic.partitions()) {
        partitions.put(
            new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest());
      }
    }
    return partitions;
  }

  /**
   * Creates the missing topics of {@link TopicPlan}; a topic that must have the partitions of
   * another (outcomes, those of raw) gets that topic's count when it exists.
   */
  public static void createMissing(LeadStreamConfig config) {
    Map<String, Integer> partitions = partitionsOfExisting(config);
    createMissing(
        config,
        TopicPlan.of(config).stream()
            .map(wanted -> wanted.given(partitions).toNewTopic())
            .toList());
  }

  /** The partition counts of the existing topics that other topics take theirs from. */
  private static Map<String, Integer> partitionsOfExisting(LeadStreamConfig config) {
    Set<String> sources =
        TopicPlan.of(config).stream()
            .flatMap(wanted -> wanted.partitionsOf().stream())
            .collect(Collectors.toSet());
    try (Admin admin = Admin.create(config.clientProperties())) {
      Map<String, Integer> partitions = new HashMap<>();
      ExistingTopics.describe(admin, sources::contains)
          .forEach((name, topic) -> partitions.put(name, topic.partitions().size()));
      return partitions;
    }
  }

  /**
   * Creates a compacted topic of one partition when it is missing, for records that must be kept by
   * key rather than expire (the dead-letter replay ledger); replication as configured.
   */
  public static void createCompactedIfMissing(LeadStreamConfig config, String name) {
    createMissing(
        config,
        List.of(
            new NewTopic(name, Optional.of(1), TopicPlan.replication(config))
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
  }

  private static void createMissing(LeadStreamConfig config, List<NewTopic> wanted) {
    try (Admin admin = Admin.create(config.clientProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          // another client created it meanwhile: as good as created
        }
        awaitWritable(admin, missing.stream().map(NewTopic::name).toList());
        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Could not create LeadStream's topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }
}
