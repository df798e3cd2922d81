package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.TopicPlan.WantedTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
    try {
      Collection<String> existing =
          admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      List<String> present =
          plan.stream().map(WantedTopic::name).filter(existing::contains).toList();
      Map<String, TopicDescription> descriptions =
          admin
              .describeTopics(present)
              .allTopicNames()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(
                  present.stream()
                      .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                      .toList())
              .all()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Could not read LeadStream's topics: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The cluster did not describe LeadStream's topics within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading LeadStream's topics", e);
    }
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
