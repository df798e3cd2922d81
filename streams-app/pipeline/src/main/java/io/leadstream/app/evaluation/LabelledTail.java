package io.leadstream.app.evaluation;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.io.TopicSnapshot;
import io.leadstream.app.streams.Topics;
import io.leadstream.schema.LabelledLead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the labelled topic on a thread of its own into {@link LatestLabels}: a consumer outside
 * any group ({@code read_committed}, no offsets committed) assigned every partition, read from the
 * beginning and then polled for as long as the app runs; partitions added later are read from their
 * beginning. Records whose value cannot be decoded in the configured output format are counted
 * ({@code leadstream_live_labelled_undecodable_total}) and skipped. When reading fails (the cluster
 * unreachable, the topic missing) the failure is logged and the read resumes from where it was
 * after {@link #RETRY}; it never touches the processing threads.
 */
public final class LabelledTail implements AutoCloseable {

  /** How long the tail waits after a failure before it reads again. */
  public static final Duration RETRY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(LabelledTail.class);
  private static final Duration POLL = Duration.ofSeconds(1);

  /**
   * Pause after a poll that returned nothing: a read_committed fetch returns at once, empty, while
   * the pipeline's transaction on the topic is open, so polling alone would spin on a core.
   */
  private static final Duration EMPTY_PAUSE = Duration.ofMillis(200);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> consumerProperties;
  private final String topic;
  private final String outputFormat;
  private final Deserializer<LabelledLead> values;
  private final LatestLabels latest;
  private final Counter records;
  private final Counter undecodable;
  private final Thread thread;

  /** Where to read on next of each partition; tail thread only. */
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile boolean caughtUp;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  private LabelledTail(LeadStreamConfig config, LatestLabels latest, MeterRegistry registry) {
    this.consumerProperties = new HashMap<>(config.clientProperties());
    // an offset gone by retention resumes at the oldest record kept, not at the end
    consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProperties.put(
        ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-live-evaluation");
    this.topic = config.labelledTopic();
    this.outputFormat = config.outputFormat().settingName();
    this.values = Topics.from(config).labelled().valueSerde().deserializer();
    this.latest = latest;
    this.records =
        Counter.builder("leadstream.live.labelled.records")
            .description("Records of the labelled topic read for live evaluation")
            .register(registry);
    this.undecodable =
        Counter.builder("leadstream.live.labelled.undecodable")
            .description(
                "Records of the labelled topic skipped by live evaluation: not in the configured "
                    + "output format")
            .register(registry);
    this.thread = new Thread(this::run, "leadstream-labelled-tail");
    thread.setDaemon(true);
  }

  /** Starts following the labelled topic of {@code config} into {@code latest}. */
  public static LabelledTail start(
      LeadStreamConfig config, LatestLabels latest, MeterRegistry registry) {
    LabelledTail tail = new LabelledTail(config, latest, registry);
    tail.thread.start();
    return tail;
  }

  /**
   * True once the tail has read every partition up to the end offsets it found when it first
   * assigned them: before, an evaluation would see only part of the outcomes.
   */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    while (!closed) {
      try (KafkaConsumer<byte[], byte[]> opened = TopicSnapshot.consumer(consumerProperties)) {
        consumer = opened;
        if (closed) {
          return;
        }
        follow(opened);
      } catch (RuntimeException e) {
        if (closed) {
          return; // woken up by close
        }
        log.warn(
            "Reading {} for live evaluation failed: {}; trying again in {} s",
            topic,
            e.toString(),
            RETRY.toSeconds());
        try {
          if (stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void follow(KafkaConsumer<byte[], byte[]> consumer) {
    Map<TopicPartition, Long> ends = null;
    while (!closed) {
      List<TopicPartition> partitions = TopicSnapshot.partitions(consumer, topic);
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      if (!consumer.assignment().equals(new HashSet<>(partitions))) {
        assign(consumer, partitions);
        if (!caughtUp) {
          ends = consumer.endOffsets(partitions);
        }
      }
      ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
      for (ConsumerRecord<byte[], byte[]> record : polled) {
        records.increment();
        if (!latest.accept(record, values)) {
          undecodable();
        }
      }
      Set<TopicPartition> assigned = consumer.assignment();
      for (TopicPartition partition : assigned) {
        positions.put(partition, consumer.position(partition));
      }
      if (!caughtUp && ends != null && reached(ends)) {
        caughtUp = true;
        log.info(
            "Live evaluation has read {} ({} leads, {} records skipped as undecodable)",
            topic,
            latest.size(),
            (long) undecodable.count());
      }
      if (polled.isEmpty() && pausedUntilClosed()) {
        return;
      }
    }
  }

  /** Waits {@link #EMPTY_PAUSE}; true when closed meanwhile. */
  private boolean pausedUntilClosed() {
    try {
      return stop.await(EMPTY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private void assign(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    consumer.assign(partitions);
    for (TopicPartition partition : partitions) {
      Long next = positions.get(partition);
      if (next == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, next);
      }
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void undecodable() {
    undecodable.increment();
    if (undecodable.count() == 1) {
      log.warn(
          "A record of {} could not be decoded and is left out of live evaluation (is {}={} the"
              + " format the pipeline writes?); further ones are only counted",
          topic,
          LeadStreamConfig.OUTPUT_FORMAT_CONFIG,
          outputFormat);
    }
  }

  /** Stops following and waits for the thread to end. */
  @Override
  public void close() {
    closed = true;
    stop.countDown();
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      thread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    values.close();
  }
}
