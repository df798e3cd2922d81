package io.leadstream.schema.kafka;

import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.registry.SchemaRegistryClient;

/**
 * Kafka serdes of the records on LeadStream's topics, for producers of {@code leads.raw} and {@code
 * leads.outcomes} and consumers of {@code leads.prioritized}, {@code leads.hot} and {@code
 * leads.labelled}: all a Java client needs besides kafka-clients is this module. Single-object
 * encoding is self-describing; the registry serdes speak the Confluent Schema Registry wire format
 * ({@code leadstream.input.format} and {@code leadstream.output.format} {@code confluent-avro}).
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

  /** The value serde of {@code leads.raw} in the schema registry wire format. */
  public static RegistryAvroSerde<LeadEvent> leadEvent(SchemaRegistryClient registry) {
    return new RegistryAvroSerde<>(registry, LeadEvent.getClassSchema());
  }

  /** The value serde of {@code leads.prioritized} and {@code leads.hot} through a registry. */
  public static RegistryAvroSerde<PrioritizedLead> prioritizedLead(SchemaRegistryClient registry) {
    return new RegistryAvroSerde<>(registry, PrioritizedLead.getClassSchema());
  }

  /** The value serde of {@code leads.outcomes}. */
  public static SingleObjectSerde<LeadOutcome> leadOutcome() {
    return new SingleObjectSerde<>(LeadOutcome.getEncoder(), LeadOutcome.getDecoder());
  }

  /** The value serde of {@code leads.outcomes} in the schema registry wire format. */
  public static RegistryAvroSerde<LeadOutcome> leadOutcome(SchemaRegistryClient registry) {
    return new RegistryAvroSerde<>(registry, LeadOutcome.getClassSchema());
  }

  /** The value serde of {@code leads.labelled}. */
  public static SingleObjectSerde<LabelledLead> labelledLead() {
    return new SingleObjectSerde<>(LabelledLead.getEncoder(), LabelledLead.getDecoder());
  }

  /** The value serde of {@code leads.labelled} through a registry. */
  public static RegistryAvroSerde<LabelledLead> labelledLead(SchemaRegistryClient registry) {
    return new RegistryAvroSerde<>(registry, LabelledLead.getClassSchema());
  }
}
