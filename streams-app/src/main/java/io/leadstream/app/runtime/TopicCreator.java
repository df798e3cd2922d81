package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.Topics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates LeadStream's topics where they are missing; existing topics are left as they are. */
public final class TopicCreator {

  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

  private TopicCreator() {}

  public static void createMissing(LeadStreamConfig config) {
    Optional<Integer> partitions = config.topicPartitions() < 0
        ? Optional.empty() : Optional.of(config.topicPartitions());
    Optional<Short> replication = config.topicReplicationFactor() < 0
        ? Optional.empty() : Optional.of(config.topicReplicationFactor());
    try (Admin admin = Admin.create(config.clientProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = Topics.from(config).names().stream()
          .filter(name -> !existing.contains(name))
          .map(name -> new NewTopic(name, partitions, replication))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not create LeadStream's topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }
}
