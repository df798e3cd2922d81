package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.streams.processors.ReadTextProcessor;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.models.bundle.StageTimer;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.Trend;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadStreamTopologyTest {

  @TempDir Path stateDir;

  private final LeadStreamConfig config =
      new LeadStreamConfig(Map.of("leadstream.text.max.bytes", 2048));
  private final PipelineMetrics metrics = PipelineMetrics.inMemory();
  private TopologyHarness harness;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, PrioritizedLead> prioritized;
  private TestOutputTopic<String, PrioritizedLead> hot;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  @BeforeEach
  void setUp() {
    harness = new TopologyHarness(config, SharedModel.get(), metrics, stateDir);
    raw = harness.raw();
    prioritized = harness.prioritized();
    hot = harness.hot();
    deadLetters = harness.deadLetters();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  private void send(LeadEvent lead) {
    harness.send(lead);
  }

  @Test
  void shouldScoreAValidLeadAndExplainIt() {
    send(TestLeads.hot("lead-1").build());

    PrioritizedLead lead = prioritized.readValue();
    assertThat(lead.getLeadId()).isEqualTo("lead-1");
    assertThat(lead.getEventId()).isEqualTo("lead-1-e1");
    assertThat(lead.getCompanyName()).isEqualTo("Northwind Logistics");
    assertThat(lead.getContactTitle()).isEqualTo("VP Operations");
    assertThat(lead.getScore()).isBetween(0, 100);
    assertThat(lead.getOpportunityProbability()).isBetween(0.0, 1.0);
    assertThat(lead.getReasons()).isNotEmpty();
    assertThat(lead.getTrend()).isEqualTo(Trend.NEW);
    assertThat(lead.getPreviousTier()).isNull();
    assertThat(lead.getTextInferenceSkipped()).isFalse();
    assertThat(lead.getUnknownTokenRatio()).isZero();
    assertThat(lead.getModelVersion()).isEqualTo(SharedModel.get().current().version());
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldFlagTextTheEncoderCannotReadInsteadOfScoringIt() {
    send(
        TestLeads.hot("lead-zh")
            .setNotes("客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。")
            .setLastMessage(null)
            .build());

    PrioritizedLead lead = prioritized.readValue();
    assertThat(lead.getUnknownTokenRatio()).isGreaterThan(0.3);
    assertThat(lead.getReasons())
        .extracting(r -> r.getLabel())
        .filteredOn(label -> label.startsWith("text"))
        .hasSize(1)
        .allSatisfy(label -> assertThat(label).startsWith("text not readable by this model"));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldRankAClearlyHotLeadAboveJunk() {
    send(TestLeads.hot("lead-hot").build());
    send(TestLeads.junk("lead-junk").build());

    List<PrioritizedLead> leads = prioritized.readValuesToList();
    assertThat(leads.get(0).getTier()).isEqualTo(Tier.HOT);
    assertThat(leads.get(1).getTier()).isIn(Tier.COLD, Tier.DISQUALIFIED);
    assertThat(leads.get(0).getScore()).isGreaterThan(leads.get(1).getScore());
    assertThat(leads.get(0).getOpportunityProbability())
        .isGreaterThan(leads.get(1).getOpportunityProbability());
  }

  @Test
  void shouldNotifyHotLeadsOnceWhenTheyEnterHot() {
    send(TestLeads.hot("lead-1").build());
    send(TestLeads.hot("lead-1").setEventId("lead-1-e2").setBudget(260_000.0).build());

    List<PrioritizedLead> all = prioritized.readValuesToList();
    assertThat(all).extracting(PrioritizedLead::getTier).containsExactly(Tier.HOT, Tier.HOT);
    assertThat(all.get(1).getPreviousTier()).isEqualTo(Tier.HOT);
    assertThat(hot.readValuesToList())
        .extracting(PrioritizedLead::getEventId)
        .containsExactly("lead-1-e1");
  }

  @Test
  void shouldNotifyWhenALeadMovesUpIntoHot() {
    LeadEvent cold = TestLeads.junk("lead-1").build();
    LeadEvent nowHot = TestLeads.hot("lead-1").setEventId("lead-1-e2").build();

    send(cold);
    send(nowHot);

    List<PrioritizedLead> all = prioritized.readValuesToList();
    assertThat(all.get(1).getTier()).isEqualTo(Tier.HOT);
    assertThat(all.get(1).getPreviousTier()).isEqualTo(all.get(0).getTier()).isNotEqualTo(Tier.HOT);
    assertThat(all.get(1).getPreviousScore()).isEqualTo(all.get(0).getScore());
    assertThat(all.get(1).getTrend()).isEqualTo(Trend.UP);
    assertThat(hot.readValuesToList())
        .extracting(PrioritizedLead::getEventId)
        .containsExactly("lead-1-e2");
  }

  @Test
  void shouldReuseTheTextReadingWhenOnlyFieldsChange() {
    LeadEvent first = TestLeads.hot("lead-1").build();
    LeadEvent fieldUpdate =
        TestLeads.hot("lead-1").setEventId("lead-1-e2").setPurchaseIntent(3).build();
    LeadEvent newNotes =
        TestLeads.hot("lead-1")
            .setEventId("lead-1-e3")
            .setNotes("Went silent after the demo.")
            .build();

    send(first);
    send(fieldUpdate);
    send(newNotes);

    List<PrioritizedLead> all = prioritized.readValuesToList();
    assertThat(all)
        .extracting(PrioritizedLead::getTextInferenceSkipped)
        .containsExactly(false, true, false);
    assertThat(all.get(1).getOpportunityProbability())
        .isEqualTo(all.get(0).getOpportunityProbability());
    assertThat(all.get(2).getOpportunityProbability())
        .isNotEqualTo(all.get(0).getOpportunityProbability());
    assertThat(
            harness
                .driver()
                .<String, Object>getKeyValueStore(ReadTextProcessor.STORE)
                .get("lead-1"))
        .isNotNull();
    assertThat(metrics.registry().get("leadstream.text.inference.skipped").counter().count())
        .isEqualTo(1.0);
    assertThat(
            metrics
                .registry()
                .get("leadstream.stage")
                .tag("stage", StageTimer.ENCODE)
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            metrics
                .registry()
                .get("leadstream.stage")
                .tag("stage", StageTimer.SCORE)
                .timer()
                .count())
        .isEqualTo(3);
    harness.countCommittedOutcomes();
    assertThat(
            metrics.registry().get("leadstream.leads.scored").counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(3.0);
  }

  @Test
  void shouldDeadLetterEveryKindOfBadInputWithItsOriginalBytesAndKeepGoing() {
    // the wire-level rejections (NOT_AVRO ... EMPTY_RECORD) of the demo's malformed records are
    // checked through this topology by the tools' MalformedRecordsTest
    byte[] notAvro = "{\"leadId\": \"lead-json\"}".getBytes(StandardCharsets.UTF_8);
    raw.pipeInput("lead-json", notAvro);
    raw.pipeInput("lead-tombstone", null);
    send(TestLeads.hot("lead-neg").setBudget(-1.0).build());
    send(TestLeads.hot("").build());
    send(TestLeads.hot("lead-long").setNotes("x".repeat(3000)).build());
    raw.pipeInput(
        "someone-else", LeadStreamSerdes.leadEvent().encode(TestLeads.hot("lead-key").build()));
    send(TestLeads.hot("lead-ok").build());

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead)
        .extracting(r -> header(r, DeadLetterHeaders.REASON))
        .containsExactly(
            "NOT_AVRO",
            "EMPTY_RECORD",
            "INVALID_FIELD",
            "MISSING_LEAD_ID",
            "TEXT_TOO_LONG",
            "KEY_MISMATCH");
    assertThat(dead.get(0).value()).isEqualTo(notAvro);
    assertThat(dead.get(0).key()).isEqualTo("lead-json".getBytes(StandardCharsets.UTF_8));
    assertThat(dead)
        .hasSize(6)
        .allSatisfy(
            r -> {
              assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("leads.raw");
              assertThat(header(r, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
              assertThat(header(r, DeadLetterHeaders.FAILED_AT)).isNotBlank();
              assertThat(header(r, DeadLetterHeaders.DETAIL)).isNotBlank();
            });
    assertThat(header(dead.get(2), DeadLetterHeaders.DETAIL)).contains("budget");
    assertThat(prioritized.readValuesToList())
        .extracting(PrioritizedLead::getLeadId)
        .containsExactly("lead-ok");
    harness.countCommittedOutcomes();
    assertThat(
            metrics
                .registry()
                .get("leadstream.dead.letters")
                .tag("reason", "INVALID_FIELD")
                .tag("topic", "leads.raw")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(metrics.registry().get("leadstream.dead.letters").counters()).hasSize(6);
  }

  @Test
  void shouldNameEveryNodeAndStoreInTheTopologyDescription() {
    String description =
        LeadStreamTopology.build(config, SharedModel.get(), metrics).describe().toString();

    assertThat(description)
        .contains(
            LeadStreamTopology.SOURCE,
            LeadStreamTopology.PARSE,
            LeadStreamTopology.READ_TEXT,
            LeadStreamTopology.SCORE,
            LeadStreamTopology.TRACK,
            LeadStreamTopology.PRIORITIZED_SINK,
            LeadStreamTopology.ENTERS_HOT,
            LeadStreamTopology.HOT_SINK,
            ReadTextProcessor.STORE,
            TrackLeadProcessor.STORE);
    assertThat(description).doesNotContain("KSTREAM-");
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
