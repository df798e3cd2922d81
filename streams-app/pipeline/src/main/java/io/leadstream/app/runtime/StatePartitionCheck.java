package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Refuses to start against an input topic whose partition count differs from the one the state
 * stores were built for: a lead's state lives in the store partition of its key's input partition,
 * so with more (or fewer) input partitions leads would be routed to another lead's history. The
 * lead track store's changelog ({@code <application.id>-lead-track-store-changelog}) keeps that
 * count; other applications' topics, however their names begin, are not looked at. The outcomes
 * topic must have the input topic's partitions too: Kafka Streams reads the two partition by
 * partition in one task, and does not itself refuse topics of different counts.
 */
public final class StatePartitionCheck {

  private static final String CHANGELOG_SUFFIX = "-changelog";

  private StatePartitionCheck() {}

  /**
   * @throws IllegalStateException naming both counts and the ways out, when the changelog's or the
   *     outcomes topic's differ from the input topic's
   */
  public static void verify(LeadStreamConfig config) {
    try (Admin admin = Admin.create(config.clientProperties())) {
      // the lead track store's changelog: the text memo is a cache and keeps none
      String changelog = config.applicationId() + "-" + TrackLeadProcessor.STORE + CHANGELOG_SUFFIX;
      Map<String, TopicDescription> topics =
          ExistingTopics.describe(
              admin,
              name ->
                  name.equals(config.rawTopic())
                      || name.equals(changelog)
                      || name.equals(config.outcomesTopic()));
      if (!topics.containsKey(config.rawTopic())) {
        return; // no input topic: Streams itself says so
      }
      int input = topics.get(config.rawTopic()).partitions().size();
      Map<String, Integer> mismatched = new TreeMap<>();
      topics.forEach(
          (name, topic) -> {
            if (name.equals(changelog) && topic.partitions().size() != input) {
              mismatched.put(name, topic.partitions().size());
            }
          });
      if (!mismatched.isEmpty()) {
        int built = mismatched.values().iterator().next();
        throw new IllegalStateException(
            String.format(
                "Input topic %s has %d partitions, but the state stores of application.id %s were built for %d (%s). "
                    + "Leads would meet another lead's history. Give %s its %d partitions back, or start afresh: "
                    + "stop every instance, reset the application (kafka-streams-application-reset.sh --application-id %s), "
                    + "delete the state directories, then start.",
                config.rawTopic(),
                input,
                config.applicationId(),
                built,
                describe(mismatched),
                config.rawTopic(),
                built,
                config.applicationId()));
      }
      TopicDescription outcomes = topics.get(config.outcomesTopic());
      if (outcomes != null && outcomes.partitions().size() != input) {
        throw new IllegalStateException(
            String.format(
                "Outcomes topic %s has %d partitions, but input topic %s has %d: outcomes would not "
                    + "meet their leads' history, which is read partition by partition with them. Give %s %d "
                    + "partitions (kafka-topics.sh --alter --partitions %d when it has fewer; delete and create "
                    + "it again when it has more).",
                config.outcomesTopic(),
                outcomes.partitions().size(),
                config.rawTopic(),
                input,
                config.outcomesTopic(),
                input,
                input));
      }
    }
  }

  private static String describe(Map<String, Integer> changelogs) {
    StringBuilder text = new StringBuilder();
    changelogs.forEach(
        (name, partitions) ->
            text.append(text.isEmpty() ? "" : ", ")
                .append(name)
                .append(": ")
                .append(partitions)
                .append(" partitions"));
    return text.toString();
  }
}
