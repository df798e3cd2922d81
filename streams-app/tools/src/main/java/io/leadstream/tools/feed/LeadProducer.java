package io.leadstream.tools.feed;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.RegistryAvroSerde;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends lead events to the raw leads topic keyed by leadId, in the pipeline's input format (Avro
 * single-object encoding, or the schema registry wire format), the way a CRM producer should. Also
 * sends arbitrary bytes, which demos and tests use for malformed input.
 */
public final class LeadProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final Function<LeadEvent, byte[]> encoder;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public LeadProducer(LeadStreamConfig config) {
    this(config, encoder(config));
  }

  /**
   * @param encoder writes a LeadEvent as the input topic holds it (a CRM's JSON, say)
   */
  public LeadProducer(LeadStreamConfig config, Function<LeadEvent, byte[]> encoder) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // One request in flight: a retried first batch to a just-created partition (NOT_LEADER) can
    // otherwise land behind later batches and fail for good with OUT_OF_ORDER_SEQUENCE_NUMBER.
    props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.topic = config.rawTopic();
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
    producer.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, exception) -> {
          if (exception == null) {
            acknowledged.incrementAndGet();
          } else {
            failure.compareAndSet(null, exception);
          }
        });
  }

  /**
   * Waits for every record sent so far to be acknowledged.
   *
   * @return how many records the cluster acknowledged
   * @throws IllegalStateException when any send failed
   */
  public long flushAndCount() {
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Sending to " + topic + " failed: " + failure.get().getMessage(), failure.get());
    }
    return acknowledged.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
