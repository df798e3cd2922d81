package io.leadstream.tools.observe;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.Topics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.schema.PrioritizedLead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads LeadStream's outcomes, the prioritized and dead-letter topics, from the beginning with
 * read_committed isolation, so that only what the exactly-once transactions committed is seen. Not
 * a group member: it assigns itself every partition.
 */
public final class OutcomeReader implements AutoCloseable {

  /** Pause between empty polls; bounds the latency this reader adds to what it measures. */
  public static final Duration IDLE_SLEEP = Duration.ofMillis(10);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String prioritizedTopic;
  private final Deserializer<PrioritizedLead> deserializer;

  public OutcomeReader(LeadStreamConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    prioritizedTopic = config.prioritizedTopic();
    deserializer = Topics.from(config).prioritized().valueSerde().deserializer();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(config.prioritizedTopic(), config.deadLetterTopic())) {
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Returns the outcomes that arrive within {@code timeout} (at least one poll), in partition
   * order.
   *
   * <p>A read_committed fetch returns at once, empty, while a transaction is open on the partition,
   * so a plain {@code poll(timeout)} would spin a core that the pipeline needs; this polls without
   * waiting and sleeps {@link #IDLE_SLEEP} between empty polls instead.
   */
  public List<Outcome> poll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ZERO);
    while (records.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(IDLE_SLEEP.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      records = consumer.poll(Duration.ZERO);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      long now = System.currentTimeMillis();
      if (record.topic().equals(prioritizedTopic)) {
        outcomes.add(
            new Outcome.Scored(
                deserializer.deserialize(prioritizedTopic, record.value()),
                record.timestamp(),
                now,
                record.partition()));
      } else {
        outcomes.add(
            new Outcome.DeadLettered(
                header(record, DeadLetterHeaders.REASON),
                header(record, DeadLetterHeaders.DETAIL),
                header(record, DeadLetterHeaders.SOURCE_TOPIC)
                    + "-"
                    + header(record, DeadLetterHeaders.SOURCE_PARTITION)
                    + "@"
                    + header(record, DeadLetterHeaders.SOURCE_OFFSET),
                now));
      }
    }
    return outcomes;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? ""
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
