package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.app.testing.HubSpotExample.BadRecord;
import io.leadstream.app.testing.HubSpotExample.Event;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.Trend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology reading a CRM's own JSON events ({@code leadstream.input.format=json}) through the
 * worked HubSpot-style mapping, with the real default bundle.
 */
class JsonInputTopologyTest {

  private static final Instant RECORD_TIME = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir Path stateDir;
  @TempDir Path avroStateDir;

  private final LeadStreamConfig config = new LeadStreamConfig(HubSpotExample.inputSettings());
  private final PipelineMetrics metrics = PipelineMetrics.inMemory();
  private TopologyHarness harness;
  private TestInputTopic<byte[], byte[]> raw;

  @BeforeEach
  void setUp() {
    harness = new TopologyHarness(config, SharedModel.get(), metrics, stateDir);
    raw =
        harness
            .driver()
            .createInputTopic(
                config.rawTopic(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                RECORD_TIME,
                Duration.ZERO);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void shouldScoreTheExampleEventsWithTheFieldsTheirMappingGivesThem() throws Exception {
    List<Event> events = HubSpotExample.events();
    events.forEach(event -> raw.pipeInput(utf8(event.key()), event.value()));

    List<TestRecord<String, PrioritizedLead>> scored = harness.prioritized().readRecordsToList();

    assertThat(harness.deadLetters().isEmpty()).isTrue();
    assertThat(scored).extracting(TestRecord::key).containsExactly("5101", "5102", "5103", "5101");
    List<PrioritizedLead> leads = scored.stream().map(TestRecord::value).toList();
    // the event id is the record's position, the same whenever it is processed again
    assertThat(leads)
        .extracting(PrioritizedLead::getEventId)
        .containsExactly("leads.raw-0@0", "leads.raw-0@1", "leads.raw-0@2", "leads.raw-0@3");
    PrioritizedLead northwind = leads.get(0);
    assertThat(northwind.getLeadId()).isEqualTo("5101");
    assertThat(northwind.getCompanyName()).isEqualTo("Northwind Logistics");
    assertThat(northwind.getContactTitle()).isEqualTo("VP Operations");
    assertThat(northwind.getIndustry()).isEqualTo("logistics");
    assertThat(northwind.getCountry()).isEqualTo("DE");
    assertThat(northwind.getOccurredAt()).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
    assertThat(northwind.getTier()).isEqualTo(Tier.HOT);
    PrioritizedLead student = leads.get(1);
    assertThat(student.getCompanyName()).isNull();
    assertThat(student.getContactTitle()).isEqualTo("Student");
    assertThat(student.getTier()).isIn(Tier.COLD, Tier.DISQUALIFIED);
    assertThat(student.getScore()).isLessThan(northwind.getScore());
    PrioritizedLead again = leads.get(3);
    assertThat(again.getPreviousScore()).isEqualTo(northwind.getScore());
    assertThat(again.getPreviousTier()).isEqualTo(northwind.getTier());
    assertThat(again.getTrend()).isNotEqualTo(Trend.NEW);
    assertThat(again.getTextInferenceSkipped()).as("same notes as its first event").isTrue();
    assertThat(harness.hot().readValuesToList())
        .extracting(PrioritizedLead::getEventId)
        .containsExactly("leads.raw-0@0");

    // scored exactly as the same LeadEvent arriving in Avro is
    JsonEventConverter converter =
        new JsonEventConverter(LeadMapping.load(HubSpotExample.mapping()));
    try (TopologyHarness avro =
        new TopologyHarness(
            new LeadStreamConfig(Map.of()),
            SharedModel.get(),
            PipelineMetrics.inMemory(),
            avroStateDir)) {
      for (int i = 0; i < 3; i++) {
        LeadEvent event = converter.convert(events.get(i).value(), "leads.raw-0@" + i, RECORD_TIME);
        avro.send(event);
      }
      List<PrioritizedLead> fromAvro = avro.prioritized().readValuesToList();
      for (int i = 0; i < 3; i++) {
        assertThat(leads.get(i))
            .usingRecursiveComparison()
            .ignoringFields("scoredAt")
            .isEqualTo(fromAvro.get(i));
      }
    }
  }

  @Test
  void shouldDeadLetterEveryKindOfBadJsonWithItsReasonAndOriginalBytesAndKeepGoing() {
    List<BadRecord> bad = HubSpotExample.badRecords(config.textMaxBytes(), config.recordMaxBytes());
    bad.forEach(record -> raw.pipeInput(record.key(), record.value()));
    Event valid = HubSpotExample.events().get(0);
    raw.pipeInput(utf8(valid.key()), valid.value());

    List<TestRecord<byte[], byte[]>> dead = harness.deadLetters().readRecordsToList();

    assertThat(dead).hasSameSizeAs(bad);
    for (int i = 0; i < bad.size(); i++) {
      BadRecord expected = bad.get(i);
      TestRecord<byte[], byte[]> letter = dead.get(i);
      assertThat(header(letter, DeadLetterHeaders.REASON))
          .as(expected.what())
          .isEqualTo(expected.reason());
      assertThat(header(letter, DeadLetterHeaders.DETAIL))
          .as(expected.what())
          .startsWith(expected.detail())
          .doesNotContain("Acme");
      assertThat(letter.key()).as(expected.what()).isEqualTo(expected.key());
      assertThat(letter.value()).as(expected.what()).isEqualTo(expected.value());
      assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(config.rawTopic());
      assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET))
          .as(expected.what())
          .isEqualTo(Integer.toString(i));
      assertThat(header(letter, DeadLetterHeaders.PROCESSOR)).isEqualTo(LeadStreamTopology.PARSE);
    }
    assertThat(harness.prioritized().readValuesToList())
        .extracting(PrioritizedLead::getEventId)
        .containsExactly("leads.raw-0@" + bad.size());
    harness.countCommittedOutcomes();
    assertThat(
            metrics
                .registry()
                .get("leadstream.dead.letters")
                .tag("reason", "NOT_JSON")
                .counter()
                .count())
        .isEqualTo(bad.stream().filter(b -> b.reason().equals("NOT_JSON")).count());
  }

  @Test
  void shouldStopTheBuildWithTheMappingsOwnMessageWhenTheMappingIsBroken(@TempDir Path dir)
      throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        id: objectId
        label: {column: properties.hs_lead_status, positive: [OPEN_DEAL], negative: [UNQUALIFIED]}
        features:
          - {column: properties.annualrevenue, type: numbr}
        """);
    String own = catchThrowable(() -> LeadMapping.load(broken)).getMessage();

    assertThat(own).startsWith("broken.yaml: features[0].type 'numbr' is not one of");
    assertThatThrownBy(() -> LeadStreamTopology.build(json(broken), SharedModel.get(), metrics))
        .isInstanceOf(MappingException.class)
        .hasMessage(own);
    Path joins = dir.resolve("joins.yaml");
    Files.writeString(
        joins,
        Files.readString(HubSpotExample.mapping())
            + "join:\n  - {file: accounts.csv, key: properties.company}\n");
    assertThatThrownBy(() -> LeadStreamTopology.build(json(joins), SharedModel.get(), metrics))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("joins.yaml: join is not available for JSON events");
    assertThatThrownBy(
            () ->
                LeadStreamTopology.build(
                    json(dir.resolve("absent.yaml")), SharedModel.get(), metrics))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("absent.yaml: cannot read the mapping file");
  }

  private static LeadStreamConfig json(Path mapping) {
    Map<String, Object> props = new HashMap<>(HubSpotExample.inputSettings());
    props.put(LeadStreamConfig.INPUT_MAPPING_CONFIG, mapping.toString());
    return new LeadStreamConfig(props);
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
