package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.TopicPlan.WantedTopic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Compares LeadStream's topics on the cluster with {@link TopicPlan}: missing, as wanted, or how
 * they differ.
 */
public final class TopicCheck {

  /** One topic's state; {@code differences} empty and {@code exists}: as wanted. */
  public record TopicStatus(
      WantedTopic wanted,
      boolean exists,
      int partitions,
      int replication,
      List<String> differences) {

    public boolean asWanted() {
      return exists && differences.isEmpty();
    }
  }

  private TopicCheck() {}

  public static List<TopicStatus> check(LeadStreamConfig config) {
    try (Admin admin = Admin.create(config.clientProperties())) {
      return check(admin, TopicPlan.of(config));
    }
  }

  static List<TopicStatus> check(Admin admin, List<WantedTopic> plan) {
    Set<String> names = plan.stream().map(WantedTopic::name).collect(Collectors.toSet());
    Map<String, TopicDescription> descriptions = ExistingTopics.describe(admin, names::contains);
    Map<ConfigResource, Config> configs =
        ExistingTopics.await(
            admin
                .describeConfigs(
                    descriptions.keySet().stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .toList())
                .all());
    Map<String, Integer> partitionCounts = new HashMap<>();
    descriptions.forEach((name, topic) -> partitionCounts.put(name, topic.partitions().size()));
    List<TopicStatus> statuses = new ArrayList<>();
    for (WantedTopic planned : plan) {
      WantedTopic wanted = planned.given(partitionCounts);
      TopicDescription description = descriptions.get(wanted.name());
      if (description == null) {
        statuses.add(new TopicStatus(wanted, false, 0, 0, List.of()));
        continue;
      }
      int partitions = description.partitions().size();
      int replication = description.partitions().get(0).replicas().size();
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, wanted.name()));
      statuses.add(
          new TopicStatus(
              wanted,
              true,
              partitions,
              replication,
              differences(wanted, partitions, replication, config)));
    }
    return statuses;
  }

  private static List<String> differences(
      WantedTopic wanted, int partitions, int replication, Config config) {
    List<String> differences = new ArrayList<>();
    wanted
        .partitions()
        .filter(p -> p != partitions)
        .ifPresent(
            p ->
                differences.add(
                    "partitions "
                        + partitions
                        + ", wanted "
                        + p
                        + wanted.partitionsOf().map(t -> " (those of " + t + ")").orElse("")));
    wanted
        .replication()
        .filter(r -> r != replication)
        .ifPresent(r -> differences.add("replication factor " + replication + ", wanted " + r));
    wanted
        .configs()
        .forEach(
            (key, value) -> {
              ConfigEntry entry = config.get(key);
              String actual = entry == null ? null : entry.value();
              if (!Objects.equals(actual, value)) {
                differences.add(key + "=" + actual + ", wanted " + value);
              }
            });
    return differences;
  }
}
