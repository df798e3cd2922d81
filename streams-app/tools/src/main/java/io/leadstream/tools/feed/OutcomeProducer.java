package io.leadstream.tools.feed;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.RegistryAvroSerde;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.util.function.Function;

/**
 * Sends lead outcomes to the outcomes topic keyed by leadId, as the pipeline reads them: in the
 * schema registry wire format with {@code confluent-avro} input, otherwise in Avro single-object
 * encoding (with {@code json} input too, as the mapping language has no outcome mapping).
 */
public final class OutcomeProducer implements AutoCloseable {

  private final TopicProducer producer;
  private final Function<LeadOutcome, byte[]> encoder;

  public OutcomeProducer(LeadStreamConfig config) {
    this.producer = new TopicProducer(config, config.outcomesTopic());
    this.encoder = encoder(config);
  }

  private static Function<LeadOutcome, byte[]> encoder(LeadStreamConfig config) {
    return switch (config.inputFormat()) {
      case AVRO, JSON -> LeadStreamSerdes.leadOutcome()::encode;
      case CONFLUENT_AVRO -> {
        RegistryAvroSerde<LeadOutcome> serde =
            LeadStreamSerdes.leadOutcome(
                new SchemaRegistryClient(config.schemaRegistry().orElseThrow()));
        yield outcome -> serde.encode(config.outcomesTopic(), outcome);
      }
    };
  }

  public void send(LeadOutcome outcome) {
    producer.send(outcome.getLeadId(), encoder.apply(outcome));
  }

  /**
   * Waits for every outcome sent so far to be acknowledged.
   *
   * @return how many outcomes the cluster acknowledged
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
