package io.leadstream.examples;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Java producers and consumer of docs/producing-leads.md, as a user writes them with
 * kafka-clients and the leadstream-schemas jar only; {@code ProducerExamplesIT} runs each against
 * the pipeline. Keep the page's snippets and this file the same.
 */
public final class ProducerExamples {

  private ProducerExamples() {}

  // --- 1. Avro single-object encoding (the default) ---
  public static void sendSingleObject(String bootstrap, LeadEvent lead) {
    try (KafkaProducer<String, LeadEvent> producer =
        new KafkaProducer<>(
            producerSettings(bootstrap),
            new StringSerializer(),
            LeadStreamSerdes.leadEvent().serializer())) {
      producer.send(new ProducerRecord<>("leads.raw", lead.getLeadId(), lead));
    }
  }

  // --- 2. The schema registry wire format (leadstream.input.format=confluent-avro) ---
  public static void sendThroughRegistry(String bootstrap, String registryUrl, LeadEvent lead) {
    SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.of(registryUrl));
    try (KafkaProducer<String, LeadEvent> producer =
        new KafkaProducer<>(
            producerSettings(bootstrap),
            new StringSerializer(),
            LeadStreamSerdes.leadEvent(registry).serializer())) {
      producer.send(new ProducerRecord<>("leads.raw", lead.getLeadId(), lead));
    }
  }

  // --- 3. The CRM's own JSON (leadstream.input.format=json), sent as it is ---
  public static void sendCrmJson(String bootstrap, String leadId, String json) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            producerSettings(bootstrap), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("leads.raw", leadId, json));
    }
  }

  /** Scored leads, decoded by {@code LeadStreamSerdes.prioritizedLead()} or its registry serde. */
  public static List<PrioritizedLead> readPrioritized(
      String bootstrap, Deserializer<PrioritizedLead> values, int wanted, Duration timeout) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "crm-sync-" + UUID.randomUUID());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<PrioritizedLead> leads = new ArrayList<>();
    try (KafkaConsumer<String, PrioritizedLead> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
      consumer.subscribe(List.of("leads.prioritized"));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (leads.size() < wanted && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, PrioritizedLead> record :
            consumer.poll(Duration.ofMillis(200))) {
          leads.add(record.value());
        }
      }
    }
    return leads;
  }

  /** A lead with the three fields a LeadEvent must have, and some text to read. */
  public static LeadEvent lead(String leadId) {
    return LeadEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(Instant.now())
        .setNotes("Asked for a quote for 200 seats; budget approved for Q1.")
        .build();
  }

  private static Properties producerSettings(String bootstrap) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    return settings;
  }
}
