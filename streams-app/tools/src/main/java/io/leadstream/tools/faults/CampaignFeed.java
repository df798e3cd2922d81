package io.leadstream.tools.faults;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.processors.LeadValidator;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.demo.MalformedRecords;
import io.leadstream.tools.demo.MalformedRecords.RawRecord;
import io.leadstream.tools.demo.SampleLeads;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A steady producer of lead events for the fault campaign, at a fixed rate, riding out broker
 * outages (idempotent, acks=all, delivery and blocking time-outs of ten minutes). Every event has
 * an id of its own, over a few hundred leads so that text reuse and tier transitions happen; one
 * record in {@code malformedEvery} is malformed. It remembers what the broker acknowledged: the
 * valid events by id, the malformed records by the partition and offset they got.
 */
final class CampaignFeed implements AutoCloseable {

  private static final int LEADS = 400;
  private static final int TEN_MINUTES = 600_000;

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final double perSecond;
  private final int malformedEvery;
  private final List<LeadEvent> samples;
  private final List<RawRecord> malformed = MalformedRecords.singleObject();
  private final Set<String> ackedEvents = ConcurrentHashMap.newKeySet();
  private final Set<String> ackedMalformed = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private long sent;

  CampaignFeed(LeadStreamConfig config, double perSecond, int malformedEvery) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, TEN_MINUTES);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TEN_MINUTES);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // one request in flight: with more, a first request refused while the new topic's leader is
    // being made (NOT_LEADER_OR_FOLLOWER) can be overtaken by the next, and its retries then fail
    // with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery time-out (KAFKA-15591)
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = config.rawTopic();
    this.perSecond = perSecond;
    this.malformedEvery = malformedEvery;
    this.samples = validSamples(config);
    this.thread = new Thread(this::run, "campaign-feed");
  }

  /**
   * The bundled sample leads that pass validation, so that only the malformed records are dead
   * letters.
   */
  private static List<LeadEvent> validSamples(LeadStreamConfig config) {
    LeadValidator validator = new LeadValidator(config.textMaxBytes());
    return SampleLeads.read("classpath:samples/demo-leads.jsonl").stream()
        .map(LeadLine::lead)
        .filter(Objects::nonNull)
        .filter(
            lead -> {
              try {
                validator.validate(lead.getLeadId(), lead);
                return true;
              } catch (InvalidLeadException e) {
                return false;
              }
            })
        .toList();
  }

  CampaignFeed start() {
    thread.start();
    return this;
  }

  private void run() {
    long started = System.nanoTime();
    while (running.get()) {
      long due = started + (long) (sent * 1e9 / perSecond);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        sleepNanos(wait);
        continue;
      }
      send(sent++);
    }
  }

  private void send(long i) {
    if (i % malformedEvery == malformedEvery - 1) {
      RawRecord bad = malformed.get((int) ((i / malformedEvery) % malformed.size()));
      producer.send(
          new ProducerRecord<>(topic, bytes(bad.key() + "-" + i), bad.value()),
          (metadata, e) -> {
            if (e == null) {
              ackedMalformed.add(topic + "-" + metadata.partition() + "@" + metadata.offset());
            } else {
              failure.compareAndSet(null, e);
            }
          });
      return;
    }
    LeadEvent sample = samples.get((int) (i % samples.size()));
    String leadId = "campaign-lead-" + (i % LEADS);
    LeadEvent event =
        LeadEvent.newBuilder(sample).setLeadId(leadId).setEventId("campaign-" + i).build();
    producer.send(
        new ProducerRecord<>(topic, bytes(leadId), LeadStreamSerdes.leadEvent().encode(event)),
        (metadata, e) -> {
          if (e == null) {
            ackedEvents.add(event.getEventId());
          } else {
            failure.compareAndSet(null, e);
          }
        });
  }

  /** Stops sending and waits until the broker acknowledged (or refused) everything sent. */
  void stop() {
    running.set(false);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException(
          "The campaign's producer lost records: " + failure.get().getMessage(), failure.get());
    }
  }

  /** Ids of the valid events the broker acknowledged. */
  Set<String> ackedEvents() {
    return ackedEvents;
  }

  /** {@code topic-partition@offset} of the malformed records the broker acknowledged. */
  Set<String> ackedMalformed() {
    return ackedMalformed;
  }

  @Override
  public void close() {
    running.set(false);
    producer.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(Math.max(1, nanos / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
