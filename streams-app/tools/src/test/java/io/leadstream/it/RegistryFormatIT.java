package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.RegistryAvroSerde;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.SchemaRegistryClient;
import io.leadstream.tools.demo.MalformedRecords;
import io.leadstream.tools.demo.MalformedRecords.RawRecord;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.embedded.EmbeddedSchemaRegistry;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.EvolvedLeadSchema;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.OutcomeLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both Avro formats through a schema registry on a real in-process broker. The registry is {@link
 * EmbeddedSchemaRegistry}, our loopback implementation of the Confluent REST subset that clients
 * use (no real registry runs here); the clients are the shipped Java serdes. Exact accounting:
 * every input is scored or dead-lettered once; a producer's evolved writer schema is scored.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class RegistryFormatIT {

  private static final int LEADS = 24;

  @TempDir Path stateDir;

  @Test
  void shouldScoreEvolvedWritersAndDeadLetterTheRestInTheWireFormat(EmbeddedKafkaBroker broker)
      throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      LeadStreamConfig config =
          IntegrationConfigs.forRun(
              broker.bootstrapServers(),
              "registry-wire",
              stateDir,
              Map.of(
                  LeadStreamConfig.INPUT_FORMAT_CONFIG, "confluent-avro",
                  LeadStreamConfig.OUTPUT_FORMAT_CONFIG, "confluent-avro",
                  LeadStreamConfig.REGISTRY_URL_CONFIG, registry.url()));
      TopicCreator.createMissing(config);
      SchemaRegistryClient producerRegistry =
          new SchemaRegistryClient(RegistrySettings.of(registry.url()));
      int evolvedId =
          producerRegistry.register(
              RegistryAvroSerde.valueSubject(config.rawTopic()), EvolvedLeadSchema.SCHEMA);
      List<RawRecord> malformed = MalformedRecords.registry(producerRegistry, config);

      Set<String> expectedScored = new HashSet<>();
      try (LeadProducer producer = new LeadProducer(config)) {
        for (int i = 0; i < LEADS; i++) {
          LeadEvent lead = lead(i);
          expectedScored.add(lead.getEventId());
          if (i % 2 == 0) {
            producer.send(lead);
          } else {
            producer.sendRaw(
                lead.getLeadId(),
                EvolvedLeadSchema.framed(evolvedId, EvolvedLeadSchema.of(lead, "EMEA")));
          }
          if (i < malformed.size()) {
            producer.sendRaw(malformed.get(i).key(), malformed.get(i).value());
          }
        }
        producer.flushAndCount();
      }
      int inputs = LEADS + malformed.size();

      OutcomeLedger ledger = InProcessRun.process(config, inputs);
      List<PrioritizedLead> scored = ledger.scored();
      List<Outcome.DeadLettered> dead = ledger.deadLetters();

      assertThat(scored.size() + dead.size()).as("outcomes").isEqualTo(inputs);
      assertThat(scored)
          .extracting(PrioritizedLead::getEventId)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expectedScored);
      assertThat(scored)
          .filteredOn(lead -> lead.getLeadId().equals("reg-lead-001"))
          .as("a lead written with the evolved schema, read through schema resolution")
          .singleElement()
          .satisfies(
              lead -> {
                assertThat(lead.getCompanyName()).isEqualTo("Northwind Logistics");
                assertThat(lead.getReasons()).isNotEmpty();
              });
      assertThat(dead)
          .extracting(Outcome.DeadLettered::reason)
          .containsExactlyInAnyOrder(
              "NOT_AVRO",
              "UNKNOWN_SCHEMA",
              "INCOMPATIBLE_SCHEMA",
              "UNDECODABLE",
              "BAD_UTF8",
              "EMPTY_RECORD");
      assertThat(dead)
          .filteredOn(letter -> letter.reason().equals("INCOMPATIBLE_SCHEMA"))
          .singleElement()
          .satisfies(
              letter ->
                  assertThat(letter.detail())
                      .contains("schema id")
                      .contains("TYPE_MISMATCH")
                      .contains("/fields/2"));
      // consumers decode the outputs with their own registry client, by the subjects' schemas
      assertThat(producerRegistry.versions(config.prioritizedTopic() + "-value"))
          .containsExactly(PrioritizedLead.getClassSchema());
    }
  }

  @Test
  void shouldReadSingleObjectWritersThatTheRegistryListsForTheInputTopic(EmbeddedKafkaBroker broker)
      throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      LeadStreamConfig config =
          IntegrationConfigs.forRun(
              broker.bootstrapServers(),
              "registry-single-object",
              stateDir,
              Map.of(LeadStreamConfig.REGISTRY_URL_CONFIG, registry.url()));
      TopicCreator.createMissing(config);
      new SchemaRegistryClient(RegistrySettings.of(registry.url()))
          .register(RegistryAvroSerde.valueSubject(config.rawTopic()), EvolvedLeadSchema.SCHEMA);
      Set<String> expected = new HashSet<>();
      try (LeadProducer producer = new LeadProducer(config)) {
        for (int i = 0; i < 6; i++) {
          LeadEvent lead = lead(i);
          expected.add(lead.getEventId());
          producer.sendRaw(
              lead.getLeadId(), EvolvedLeadSchema.singleObject(EvolvedLeadSchema.of(lead, "APAC")));
        }
        producer.flushAndCount();
      }
      OutcomeLedger ledger = InProcessRun.process(config, expected.size());
      List<PrioritizedLead> scored = ledger.scored();
      List<Outcome.DeadLettered> dead = ledger.deadLetters();
      assertThat(dead).as("dead letters").isEmpty();
      assertThat(scored)
          .extracting(PrioritizedLead::getEventId)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void shouldReadASingleObjectWriterRegisteredWhileTheAppRuns(EmbeddedKafkaBroker broker)
      throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      LeadStreamConfig config =
          IntegrationConfigs.forRun(
              broker.bootstrapServers(),
              "registry-later",
              stateDir,
              Map.of(LeadStreamConfig.REGISTRY_URL_CONFIG, registry.url()));
      TopicCreator.createMissing(config);
      SchemaRegistryClient producerRegistry =
          new SchemaRegistryClient(RegistrySettings.of(registry.url()));
      String subject = RegistryAvroSerde.valueSubject(config.rawTopic());
      producerRegistry.register(subject, EvolvedLeadSchema.SCHEMA);
      Set<String> expected = new HashSet<>();
      OutcomeLedger ledger = new OutcomeLedger();
      try (LeadStreamApp app = LeadStreamApp.start(config);
          OutcomeReader reader = new OutcomeReader(config);
          LeadProducer producer = new LeadProducer(config)) {
        app.awaitRunning(Duration.ofSeconds(60));
        producerRegistry.register(subject, EvolvedLeadSchema.LATER);
        for (int i = 0; i < 4; i++) {
          LeadEvent lead = lead(i);
          expected.add(lead.getEventId());
          producer.sendRaw(
              lead.getLeadId(),
              EvolvedLeadSchema.singleObject(EvolvedLeadSchema.later(lead, "EMEA", "enterprise")));
        }
        producer.flushAndCount();
        ledger.readAll(reader, expected.size(), Duration.ofSeconds(90));
      }
      assertThat(ledger.deadLetters()).as("dead letters").isEmpty();
      assertThat(ledger.scored())
          .extracting(PrioritizedLead::getEventId)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static LeadEvent lead(int i) {
    String leadId = String.format("reg-lead-%03d", i);
    return (i % 3 == 2 ? TestLeads.junk(leadId) : TestLeads.hot(leadId)).build();
  }
}
