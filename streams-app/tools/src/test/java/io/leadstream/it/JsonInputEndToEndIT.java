package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.app.testing.HubSpotExample.BadRecord;
import io.leadstream.app.testing.HubSpotExample.Event;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.OutcomeLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app reading a CRM's own JSON events ({@code leadstream.input.format=json}, the worked
 * HubSpot-style mapping) on a real in-process broker: every input record has exactly one committed
 * outcome. Each valid event is scored once, under the id of its own record position; each bad one
 * is dead-lettered once, from its own position, with its reason.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class JsonInputEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;

  @Test
  void shouldGiveEveryJsonEventExactlyOneOutcome(EmbeddedKafkaBroker broker) throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(), "json-e2e", stateDir, HubSpotExample.inputSettings());
    TopicCreator.createMissing(config);
    List<Event> valid = validEvents(60);
    List<BadRecord> bad = HubSpotExample.badRecords(config.textMaxBytes(), config.recordMaxBytes());

    // sent as a CRM connector would: the JSON as it is, keyed by the lead id; bad ones between
    Map<String, String> expectedScored = new LinkedHashMap<>();
    Map<String, BadRecord> expectedDead = new LinkedHashMap<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(config)) {
      List<Future<RecordMetadata>> validSends = new ArrayList<>();
      List<Future<RecordMetadata>> badSends = new ArrayList<>();
      for (int i = 0; i < valid.size(); i++) {
        Event event = valid.get(i);
        validSends.add(send(producer, config, utf8(event.key()), event.value()));
        if (i % 3 == 0 && i / 3 < bad.size()) {
          BadRecord record = bad.get(i / 3);
          badSends.add(send(producer, config, record.key(), record.value()));
        }
      }
      for (int i = badSends.size(); i < bad.size(); i++) {
        badSends.add(send(producer, config, bad.get(i).key(), bad.get(i).value()));
      }
      producer.flush();
      for (int i = 0; i < valid.size(); i++) {
        expectedScored.put(position(validSends.get(i).get()), valid.get(i).key());
      }
      for (int i = 0; i < bad.size(); i++) {
        expectedDead.put(position(badSends.get(i).get()), bad.get(i));
      }
    }
    int inputs = valid.size() + bad.size();

    OutcomeLedger ledger = InProcessRun.process(config, inputs);
    List<PrioritizedLead> scored = ledger.scored();
    List<Outcome.DeadLettered> dead = ledger.deadLetters();

    assertThat(scored.size() + dead.size()).as("outcomes").isEqualTo(inputs);
    assertThat(scored)
        .extracting(PrioritizedLead::getEventId)
        .as("scored events, by their record position")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expectedScored.keySet());
    assertThat(scored)
        .allSatisfy(
            lead ->
                assertThat(lead.getLeadId())
                    .as(lead.getEventId())
                    .isEqualTo(expectedScored.get(lead.getEventId())));
    assertThat(dead)
        .extracting(Outcome.DeadLettered::source)
        .as("dead letters, by source position")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expectedDead.keySet());
    assertThat(dead)
        .allSatisfy(
            letter -> {
              BadRecord expected = expectedDead.get(letter.source());
              assertThat(letter.reason()).as(expected.what()).isEqualTo(expected.reason());
              assertThat(letter.detail()).as(expected.what()).startsWith(expected.detail());
            });
    assertThat(scored)
        .filteredOn(lead -> lead.getLeadId().equals("5101"))
        .extracting(PrioritizedLead::getCompanyName)
        .containsOnly("Northwind Logistics");
  }

  /**
   * The example's four events, then events of twenty further leads made from its first three, with
   * website visits that change, so that leads are scored again.
   */
  private static List<Event> validEvents(int count) throws Exception {
    List<Event> example = HubSpotExample.events();
    List<Event> events = new ArrayList<>(example);
    for (int i = example.size(); i < count; i++) {
      ObjectNode event = (ObjectNode) JSON.readTree(example.get(i % 3).value());
      int id = 6000 + i % 20;
      event.put("objectId", id);
      ((ObjectNode) event.get("properties")).put("hs_analytics_num_visits", String.valueOf(i));
      events.add(new Event(String.valueOf(id), JSON.writeValueAsBytes(event)));
    }
    return events;
  }

  private static KafkaProducer<byte[], byte[]> producer(LeadStreamConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Future<RecordMetadata> send(
      KafkaProducer<byte[], byte[]> producer, LeadStreamConfig config, byte[] key, byte[] value) {
    return producer.send(new ProducerRecord<>(config.rawTopic(), key, value));
  }

  /** As the pipeline names a record's position: its event id, a dead letter's source. */
  private static String position(RecordMetadata metadata) {
    return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
