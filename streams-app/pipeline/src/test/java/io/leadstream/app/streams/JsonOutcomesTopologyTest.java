package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.OutcomeType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes in a CRM's own JSON ({@code leadstream.input.outcomes.mapping}) labelled with the leads
 * the worked HubSpot-style example scores from JSON, with the real default bundle.
 */
class JsonOutcomesTopologyTest {

  private static final Path OUTCOME_MAPPING = HubSpotExample.FOLDER.resolve("outcome-mapping.yaml");

  @TempDir Path stateDir;

  private TopologyHarness harness;

  @BeforeEach
  void setUp() {
    Map<String, Object> settings = new HashMap<>(HubSpotExample.inputSettings());
    settings.put(LeadStreamConfig.INPUT_OUTCOMES_MAPPING_CONFIG, OUTCOME_MAPPING.toString());
    harness =
        new TopologyHarness(
            new LeadStreamConfig(settings),
            SharedModel.get(),
            PipelineMetrics.inMemory(),
            stateDir);
    HubSpotExample.events().forEach(event -> harness.raw().pipeInput(event.key(), event.value()));
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void shouldLabelTheExampleDealsWithTheLeadsAsTheyWereScored() throws Exception {
    for (String deal : Files.readAllLines(HubSpotExample.FOLDER.resolve("outcomes.jsonl"))) {
      String lead = deal.replaceFirst(".*\"hs_contact_id\": \"(\\d+)\".*", "$1");
      harness.outcomes().pipeInput(lead, utf8(deal));
    }

    List<LabelledLead> labelled = harness.labelled().readValuesToList();

    assertThat(harness.deadLetters().isEmpty()).isTrue();
    assertThat(labelled)
        .extracting(
            LabelledLead::getLeadId, l -> l.getOutcome().getOutcome(), LabelledLead::getLabel)
        .containsExactly(
            tuple("5101", OutcomeType.WON, 1),
            tuple("5102", OutcomeType.DISQUALIFIED, 0),
            tuple("5103", OutcomeType.LOST, 0));
    LabelledLead won = labelled.get(0);
    assertThat(won.getOutcome().getEventId()).isEqualTo("9001");
    assertThat(won.getOutcomeAt()).isEqualTo(Instant.parse("2026-12-08T16:00:00Z"));
    // the lead's last event a day or more before the close: its second, of 2026-11-29
    assertThat(won.getAsOf().getEvent().getOccurredAt())
        .isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
    assertThat(won.getAsOf().getScore().getEventId()).isEqualTo("leads.raw-0@3");
  }

  @Test
  void shouldDeadLetterAnOutcomeItsMappingCannotReadWithTheReason() {
    harness
        .outcomes()
        .pipeInput(
            "5101",
            utf8("{\"properties\": {\"hs_contact_id\": \"5101\", \"dealstage\": \"won?\"}}"));

    List<TestRecord<byte[], byte[]>> dead = harness.deadLetters().readRecordsToList();

    assertThat(harness.labelled().isEmpty()).isTrue();
    assertThat(dead).hasSize(1);
    assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).isEqualTo("INVALID_FIELD");
    assertThat(header(dead.get(0), DeadLetterHeaders.DETAIL))
        .startsWith("properties.dealstage: expected one of closedlost, closedwon");
  }

  @Test
  void shouldReadAnOutcomeMappingWithJsonInputOnly() {
    assertThatThrownBy(
            () ->
                new LeadStreamConfig(
                    Map.of(
                        LeadStreamConfig.INPUT_OUTCOMES_MAPPING_CONFIG,
                        OUTCOME_MAPPING.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leadstream.input.format=json only");
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
