package io.leadstream.app.dlq;

import io.leadstream.app.config.LeadStreamConfig;

/**
 * Where a dead letter goes back to: the input topic it came from, the outcomes topic for an
 * outcome's, else the raw leads topic (also for a dead letter that does not say where it came
 * from).
 */
public record ReplayTarget(String rawTopic, String outcomesTopic) {

  public static ReplayTarget of(LeadStreamConfig config) {
    return new ReplayTarget(config.rawTopic(), config.outcomesTopic());
  }

  public String topicOf(DeadLetter deadLetter) {
    RecordPosition source = deadLetter.source();
    return source != null && source.topic().equals(outcomesTopic) ? outcomesTopic : rawTopic;
  }
}
