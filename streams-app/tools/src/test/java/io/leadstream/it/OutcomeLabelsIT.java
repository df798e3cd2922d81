package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.TopicAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes on a real in-process broker, three partitions: every outcome record has exactly one
 * committed result. An outcome of a known lead is labelled with the lead's event before the horizon
 * (never the later one), one of an unknown lead is kept without features, a bad one is
 * dead-lettered from its own position with its reason; none twice.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class OutcomeLabelsIT {

  private static final int LEADS = 12;
  static final Instant CLOSED = Instant.parse("2026-11-27T12:00:00Z");

  @TempDir Path stateDir;

  private record Bad(String key, byte[] value, String reason) {}

  @Test
  void shouldLabelKeepOrDeadLetterEveryOutcomeExactlyOnce(EmbeddedKafkaBroker broker)
      throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(broker.bootstrapServers(), "outcomes", stateDir, Map.of());
    TopicCreator.createMissing(config);
    try (LeadProducer producer = new LeadProducer(config)) {
      for (int i = 0; i < LEADS; i++) {
        producer.send(event(i, "before", CLOSED.minus(Duration.ofDays(3))));
        producer.send(event(i, "after", CLOSED.minus(Duration.ofHours(1))));
      }
      producer.flushAndCount();
    }

    List<LeadOutcome> matched = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      matched.add(outcome(leadId(i), "o-" + i, OutcomeType.values()[i % 4]));
    }
    List<LeadOutcome> unknown = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      unknown.add(outcome("lead-never-seen-" + i, "o-unknown-" + i, OutcomeType.WON));
    }
    List<Bad> bad =
        List.of(
            new Bad("lead-000", "not avro".getBytes(StandardCharsets.UTF_8), "NOT_AVRO"),
            new Bad("lead-001", null, "EMPTY_RECORD"),
            new Bad(
                "lead-002",
                LeadStreamSerdes.leadOutcome()
                    .encode(outcome("lead-002", "o-bad-type", OutcomeType.UNKNOWN)),
                "INVALID_FIELD"),
            new Bad(
                "lead-003",
                LeadStreamSerdes.leadOutcome()
                    .encode(outcome("lead-004", "o-bad-key", OutcomeType.WON)),
                "KEY_MISMATCH"),
            new Bad(
                "lead-005",
                LeadStreamSerdes.leadEvent().encode(event(5, "on-the-wrong-topic", CLOSED)),
                "UNKNOWN_SCHEMA"));

    Map<String, String> expectedDead = new HashMap<>();
    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      // the outcomes go out once their leads' events are scored, so that their history is there
      int scored = OutcomeWaiter.await(reader, 2 * LEADS, Duration.ofSeconds(120), outcome -> {});
      assertThat(scored).as("events scored within the time-out").isEqualTo(2 * LEADS);

      try (KafkaProducer<String, byte[]> producer = producer(config)) {
        List<Future<RecordMetadata>> badSends = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
          send(producer, config, matched.get(i).getLeadId(), encode(matched.get(i)));
          if (i < unknown.size()) {
            send(producer, config, unknown.get(i).getLeadId(), encode(unknown.get(i)));
          }
          if (i < bad.size()) {
            badSends.add(send(producer, config, bad.get(i).key(), bad.get(i).value()));
          }
        }
        producer.flush();
        for (int i = 0; i < bad.size(); i++) {
          expectedDead.put(position(badSends.get(i).get()), bad.get(i).reason());
        }
      }
      int outcomes = matched.size() + unknown.size();
      awaitRecords(config, config.labelledTopic(), outcomes);
      awaitRecords(config, config.deadLetterTopic(), bad.size());
      Thread.sleep(3_000); // a little longer, to catch any result given twice
    }

    List<LabelledLead> labelled =
        TopicAudit.readAll(config, config.labelledTopic(), true).stream()
            .map(OutcomeLabelsIT::labelled)
            .toList();
    List<ConsumerRecord<byte[], byte[]>> dead =
        TopicAudit.readAll(config, config.deadLetterTopic(), true);

    assertThat(labelled.size() + dead.size())
        .as("results")
        .isEqualTo(matched.size() + unknown.size() + bad.size());
    assertThat(labelled)
        .extracting(l -> l.getOutcome().getEventId())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            concat(matched, unknown).stream().map(LeadOutcome::getEventId).toList());
    assertThat(labelled)
        .filteredOn(l -> l.getLeadId().startsWith("lead-never-seen-"))
        .hasSize(unknown.size())
        .allSatisfy(l -> assertThat(l.getAsOf()).isNull());
    assertThat(labelled)
        .filteredOn(l -> !l.getLeadId().startsWith("lead-never-seen-"))
        .hasSize(LEADS)
        .allSatisfy(
            l -> {
              assertThat(l.getAsOf().getEvent().getEventId())
                  .as(l.getLeadId())
                  .isEqualTo(l.getLeadId() + "-before");
              assertThat(l.getEventAt())
                  .isBeforeOrEqualTo(l.getOutcomeAt().minusMillis(l.getHorizonMs()));
              assertThat(l.getLabel())
                  .isEqualTo(
                      l.getOutcome().getOutcome() == OutcomeType.WON
                              || l.getOutcome().getOutcome() == OutcomeType.CONVERTED
                          ? 1
                          : 0);
            });
    Map<String, String> deadBySource = new HashMap<>();
    dead.forEach(
        letter ->
            assertThat(
                    deadBySource.put(
                        header(letter, DeadLetterHeaders.SOURCE_TOPIC)
                            + "-"
                            + header(letter, DeadLetterHeaders.SOURCE_PARTITION)
                            + "@"
                            + header(letter, DeadLetterHeaders.SOURCE_OFFSET),
                        header(letter, DeadLetterHeaders.REASON)))
                .as("a second dead letter of one record")
                .isNull());
    assertThat(deadBySource).isEqualTo(expectedDead);
  }

  static void awaitRecords(LeadStreamConfig config, String topic, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (TopicAudit.readAll(config, topic, true).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
  }

  static String leadId(int i) {
    return String.format("lead-%03d", i);
  }

  static LeadEvent event(int i, String suffix, Instant at) {
    return (i % 3 == 2 ? TestLeads.junk(leadId(i)) : TestLeads.hot(leadId(i)))
        .setEventId(leadId(i) + "-" + suffix)
        .setOccurredAt(at)
        .build();
  }

  static LeadOutcome outcome(String leadId, String eventId, OutcomeType type) {
    return LeadOutcome.newBuilder()
        .setEventId(eventId)
        .setLeadId(leadId)
        .setOutcome(type)
        .setOccurredAt(CLOSED)
        .setSourceSystem("it")
        .build();
  }

  static byte[] encode(LeadOutcome outcome) {
    return LeadStreamSerdes.leadOutcome().encode(outcome);
  }

  static LabelledLead labelled(ConsumerRecord<byte[], byte[]> record) {
    try {
      return LeadStreamSerdes.labelledLead().decode(record.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  static KafkaProducer<String, byte[]> producer(LeadStreamConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  static Future<RecordMetadata> send(
      KafkaProducer<String, byte[]> producer, LeadStreamConfig config, String key, byte[] value) {
    return producer.send(new ProducerRecord<>(config.outcomesTopic(), key, value));
  }

  /**
   * Writes labelled leads to the labelled topic, keyed by lead id, encoded by {@code values} (the
   * single-object serde, or the registry's), and waits for the broker to take them.
   */
  static void sendLabelled(
      LeadStreamConfig config, Serializer<LabelledLead> values, List<LabelledLead> leads) {
    try (KafkaProducer<String, byte[]> producer = producer(config)) {
      for (LabelledLead lead : leads) {
        producer.send(
            new ProducerRecord<>(
                config.labelledTopic(),
                lead.getLeadId(),
                values.serialize(config.labelledTopic(), lead)));
      }
      producer.flush();
    }
  }

  private static String position(RecordMetadata metadata) {
    return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
