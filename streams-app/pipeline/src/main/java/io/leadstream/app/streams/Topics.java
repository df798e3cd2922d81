package io.leadstream.app.streams;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * LeadStream's topics with their serdes, named by configuration. Every record is keyed by leadId.
 * The inputs {@code raw} and {@code outcomes} carry bytes, key and value: decoding is a processing
 * step, so that undecodable records (an invalid UTF-8 key among them) reach the dead-letter topic
 * with their original bytes.
 */
public record Topics(
    Topic<byte[], byte[]> raw,
    Topic<String, PrioritizedLead> prioritized,
    Topic<String, PrioritizedLead> hot,
    Topic<byte[], byte[]> deadLetters,
    Topic<byte[], byte[]> outcomes,
    Topic<String, LabelledLead> labelled) {

  /** The topics, with a registry client of their own when the output format needs one. */
  public static Topics from(LeadStreamConfig config) {
    return from(config, config.schemaRegistry().map(SchemaRegistryClient::new));
  }

  /**
   * @param registry the registry of {@code leadstream.output.format=confluent-avro}
   */
  public static Topics from(LeadStreamConfig config, Optional<SchemaRegistryClient> registry) {
    Serde<PrioritizedLead> output =
        switch (config.outputFormat()) {
          case AVRO -> LeadStreamSerdes.prioritizedLead();
          case CONFLUENT_AVRO -> LeadStreamSerdes.prioritizedLead(registry.orElseThrow());
        };
    Serde<LabelledLead> labels =
        switch (config.outputFormat()) {
          case AVRO -> LeadStreamSerdes.labelledLead();
          case CONFLUENT_AVRO -> LeadStreamSerdes.labelledLead(registry.orElseThrow());
        };
    return new Topics(
        new Topic<>(config.rawTopic(), Serdes.ByteArray(), Serdes.ByteArray()),
        new Topic<>(config.prioritizedTopic(), Serdes.String(), output),
        new Topic<>(config.hotTopic(), Serdes.String(), output),
        new Topic<>(config.deadLetterTopic(), Serdes.ByteArray(), Serdes.ByteArray()),
        new Topic<>(config.outcomesTopic(), Serdes.ByteArray(), Serdes.ByteArray()),
        new Topic<>(config.labelledTopic(), Serdes.String(), labels));
  }

  public List<String> names() {
    return List.of(
        raw.name(),
        prioritized.name(),
        hot.name(),
        deadLetters.name(),
        outcomes.name(),
        labelled.name());
  }
}
