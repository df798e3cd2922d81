package io.leadstream.tools.feed;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.RegistryAvroSerde;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.util.function.Function;

/**
 * Sends lead events to the raw leads topic keyed by leadId, in the pipeline's input format (Avro
 * single-object encoding, or the schema registry wire format), the way a CRM producer should. Also
 * sends arbitrary bytes, which demos and tests use for malformed input.
 */
public final class LeadProducer implements AutoCloseable {

  private final TopicProducer producer;
  private final Function<LeadEvent, byte[]> encoder;

  public LeadProducer(LeadStreamConfig config) {
    this(config, encoder(config));
  }

  /**
   * @param encoder writes a LeadEvent as the input topic holds it (a CRM's JSON, say)
   */
  public LeadProducer(LeadStreamConfig config, Function<LeadEvent, byte[]> encoder) {
    this.producer = new TopicProducer(config, config.rawTopic());
    this.encoder = encoder;
  }

  /** LeadEvents as the pipeline's input format has them. */
  private static Function<LeadEvent, byte[]> encoder(LeadStreamConfig config) {
    return switch (config.inputFormat()) {
      case AVRO -> LeadStreamSerdes.leadEvent()::encode;
      case CONFLUENT_AVRO -> {
        RegistryAvroSerde<LeadEvent> serde =
            LeadStreamSerdes.leadEvent(
                new SchemaRegistryClient(config.schemaRegistry().orElseThrow()));
        yield lead -> serde.encode(config.rawTopic(), lead);
      }
      case JSON ->
          lead -> {
            throw new IllegalStateException(
                "the pipeline reads the CRM's JSON events: send them as they are (sendRaw), or"
                    + " give this producer an encoder that writes them");
          };
    };
  }

  public void send(LeadEvent lead) {
    sendRaw(lead.getLeadId(), encoder.apply(lead));
  }

  /** Sends a record as given, valid or not. */
  public void sendRaw(String key, byte[] value) {
    producer.send(key, value);
  }

  /**
   * Waits for every record sent so far to be acknowledged.
   *
   * @return how many records the cluster acknowledged
   * @throws IllegalStateException when any send failed
   */
  public long flushAndCount() {
    return producer.flushAndCount();
  }

  @Override
  public void close() {
    producer.close();
  }
}
