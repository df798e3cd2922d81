package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics LeadStream wants: names, partitions and replication from configuration, and each
 * topic's own settings from {@code leadstream.topic.<role>.config.<topic setting>} (for example
 * {@code leadstream.topic.dlq.config.retention.ms}). The dead-letter topic keeps its records 30
 * days unless told otherwise, so that a cause found late can still be fixed and replayed. The
 * outcomes topic has the partitions of the raw topic (an outcome must meet its lead's history in
 * the same task), and the labelled topic is compacted (the latest label of each lead).
 */
public final class TopicPlan {

  /** How long dead letters are kept when no retention is configured for them. */
  public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

  /**
   * One wanted topic; {@code partitions} and {@code replication} empty: the broker's default.
   *
   * @param partitionsOf the topic whose partition count this one must have, when there is one
   */
  public record WantedTopic(
      String role,
      String name,
      Optional<Integer> partitions,
      Optional<Short> replication,
      Map<String, String> configs,
      Optional<String> partitionsOf) {

    /**
     * As wanted once the partitions of existing topics are known: those of {@code partitionsOf}.
     */
    WantedTopic given(Map<String, Integer> existingPartitions) {
      return partitionsOf
          .map(existingPartitions::get)
          .map(
              count ->
                  new WantedTopic(
                      role, name, Optional.of(count), replication, configs, partitionsOf))
          .orElse(this);
    }

    WantedTopic withPartitionsOf(String topic) {
      return new WantedTopic(role, name, partitions, replication, configs, Optional.of(topic));
    }

    NewTopic toNewTopic() {
      return new NewTopic(name, partitions, replication).configs(configs);
    }
  }

  private TopicPlan() {}

  public static List<WantedTopic> of(LeadStreamConfig config) {
    Optional<Integer> partitions =
        config.topicPartitions() < 0 ? Optional.empty() : Optional.of(config.topicPartitions());
    return List.of(
        wanted(config, "raw", config.rawTopic(), partitions, Map.of()),
        wanted(config, "prioritized", config.prioritizedTopic(), partitions, Map.of()),
        wanted(config, "hot", config.hotTopic(), partitions, Map.of()),
        wanted(
            config,
            "dlq",
            config.deadLetterTopic(),
            partitions,
            Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION.toMillis()))),
        wanted(config, "outcomes", config.outcomesTopic(), partitions, Map.of())
            .withPartitionsOf(config.rawTopic()),
        wanted(
            config,
            "labelled",
            config.labelledTopic(),
            partitions,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
  }

  static Optional<Short> replication(LeadStreamConfig config) {
    return config.topicReplicationFactor() < 0
        ? Optional.empty()
        : Optional.of(config.topicReplicationFactor());
  }

  private static WantedTopic wanted(
      LeadStreamConfig config,
      String role,
      String name,
      Optional<Integer> partitions,
      Map<String, String> defaults) {
    Map<String, String> configs = new LinkedHashMap<>(defaults);
    configs.putAll(config.topicConfigs(role));
    return new WantedTopic(
        role, name, partitions, replication(config), Map.copyOf(configs), Optional.empty());
  }
}
