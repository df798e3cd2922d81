package io.leadstream.tools.observe;

import io.leadstream.schema.PrioritizedLead;

/** What became of one input record: scored, or dead-lettered. */
public sealed interface Outcome {

  /** When the outcome was read, epoch millis. */
  long receivedAtMs();

  /**
   * A scored lead as read from the prioritized topic.
   *
   * @param inputTimestampMs the record timestamp, which Streams carries over from the input record
   * @param partition the partition of the prioritized topic it was read from (the input's)
   */
  record Scored(PrioritizedLead lead, long inputTimestampMs, long receivedAtMs, int partition)
      implements Outcome {
    /** Input record timestamp to the moment the outcome was read. */
    public long endToEndLatencyMs() {
      return receivedAtMs - inputTimestampMs;
    }
  }

  /** A record read from the dead-letter topic, with the reason and detail from its headers. */
  record DeadLettered(String reason, String detail, String source, long receivedAtMs)
      implements Outcome {}
}
