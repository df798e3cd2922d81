package io.leadstream.schema.kafka;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;

/**
 * Kafka serdes of the records on LeadStream's topics, for producers of {@code leads.raw} and
 * consumers of {@code leads.prioritized} and {@code leads.hot}: all a Java client needs besides
 * kafka-clients is this module.
 */
public final class LeadStreamSerdes {

  private LeadStreamSerdes() {}

  /** The value serde of {@code leads.raw}. */
  public static SingleObjectSerde<LeadEvent> leadEvent() {
    return new SingleObjectSerde<>(LeadEvent.getEncoder(), LeadEvent.getDecoder());
  }

  /** The value serde of {@code leads.prioritized} and {@code leads.hot}. */
  public static SingleObjectSerde<PrioritizedLead> prioritizedLead() {
    return new SingleObjectSerde<>(PrioritizedLead.getEncoder(), PrioritizedLead.getDecoder());
  }
}
