package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records as large as the raw topic accepts (here up to 2 MB, above the 1 MB the dead-letter topic
 * takes) each get an outcome, and the records behind them on the same partition are scored: a
 * record too large to copy into the dead-letter topic must not stop its partition.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LargeRecordIT {

  private static final int RAW_TOPIC_MAX_BYTES = 2 * 1024 * 1024;

  @TempDir Path stateDir;

  @Test
  void shouldDeadLetterRecordsTooLargeToCopyAndScoreTheRecordsBehindThem(EmbeddedKafkaBroker broker)
      throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "large",
            stateDir,
            Map.of(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, 1));
    createRawTopicAcceptingTwoMegabytes(config);
    TopicCreator.createMissing(config);
    List<ProducerRecord<byte[], byte[]>> feed =
        List.of(
            lead("lead-before"),
            withNotesOf("lead-huge", 1_100_000),
            withNotesOf("lead-big", 600_000),
            lead("lead-after-1"),
            lead("lead-after-2"));
    send(config, feed);

    List<Outcome> outcomes = new ArrayList<>();
    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      OutcomeWaiter.await(reader, feed.size(), Duration.ofSeconds(120), outcomes::add);
      OutcomeWaiter.await(reader, Integer.MAX_VALUE, Duration.ofSeconds(2), outcomes::add);
    }

    assertThat(outcomes).hasSize(feed.size());
    assertThat(outcomes)
        .filteredOn(Outcome.Scored.class::isInstance)
        .extracting(o -> ((Outcome.Scored) o).lead().getLeadId())
        .containsExactlyInAnyOrder("lead-before", "lead-after-1", "lead-after-2");
    List<Outcome.DeadLettered> dead =
        outcomes.stream()
            .filter(Outcome.DeadLettered.class::isInstance)
            .map(Outcome.DeadLettered.class::cast)
            .toList();
    assertThat(dead)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.reason()).isEqualTo("RECORD_TOO_LARGE"));
    assertThat(dead)
        .extracting(Outcome.DeadLettered::source)
        .containsExactlyInAnyOrder("large.leads.raw-0@1", "large.leads.raw-0@2");
  }

  private static void createRawTopicAcceptingTwoMegabytes(LeadStreamConfig config)
      throws Exception {
    try (Admin admin = Admin.create(config.clientProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(config.rawTopic(), 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                              Integer.toString(RAW_TOPIC_MAX_BYTES)))))
          .all()
          .get();
    }
  }

  private static void send(LeadStreamConfig config, List<ProducerRecord<byte[], byte[]>> records)
      throws Exception {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RAW_TOPIC_MAX_BYTES);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(new ProducerRecord<>(config.rawTopic(), record.key(), record.value())).get();
      }
    }
  }

  private static ProducerRecord<byte[], byte[]> lead(String leadId) {
    return record(leadId, LeadStreamSerdes.leadEvent().encode(TestLeads.hot(leadId).build()));
  }

  private static ProducerRecord<byte[], byte[]> withNotesOf(String leadId, int bytes) {
    return record(
        leadId,
        LeadStreamSerdes.leadEvent()
            .encode(TestLeads.hot(leadId).setNotes("x".repeat(bytes)).build()));
  }

  private static ProducerRecord<byte[], byte[]> record(String leadId, byte[] value) {
    return new ProducerRecord<>("unused", leadId.getBytes(StandardCharsets.UTF_8), value);
  }
}
