package io.leadstream.tools.feed;

import io.leadstream.app.config.LeadStreamConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends keyed records to one topic idempotently, counting the acknowledgements and keeping the
 * first failure for {@link #flushAndCount()}.
 */
final class TopicProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  TopicProducer(LeadStreamConfig config, String topic) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // One request in flight: a retried first batch to a just-created partition (NOT_LEADER) can
    // otherwise land behind later batches and fail for good with OUT_OF_ORDER_SEQUENCE_NUMBER.
    props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  void send(String key, byte[] value) {
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
  long flushAndCount() {
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
