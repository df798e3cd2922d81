package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.streams.processors.LabelOutcomeProcessor;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes labelled point in time with the lead's own history, in one sub-topology. */
class OutcomeLabelsTopologyTest {

  private static final Instant CLOSED = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant CUTOFF = CLOSED.minus(Duration.ofDays(1));

  @TempDir Path stateDir;

  private final PipelineMetrics metrics = PipelineMetrics.inMemory();
  private TopologyHarness harness;

  private TopologyHarness harness(Map<String, Object> settings) {
    Map<String, Object> props = new HashMap<>(Map.of("leadstream.text.max.bytes", 2048));
    props.putAll(settings);
    harness =
        new TopologyHarness(new LeadStreamConfig(props), SharedModel.get(), metrics, stateDir);
    return harness;
  }

  @AfterEach
  void tearDown() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void shouldLabelWithTheLastEventBeforeTheHorizonNeverALaterOne() {
    TopologyHarness run = harness(Map.of());
    // sent out of time order: the CRM's late event e2 arrives after e3
    run.send(event("lead-1", "e1", CLOSED.minus(Duration.ofDays(7)), 100_000.0));
    run.send(event("lead-1", "e3", CUTOFF.plusSeconds(60), 300_000.0));
    run.send(event("lead-1", "e2", CUTOFF.minusSeconds(3600), 200_000.0));
    run.send(event("lead-1", "e4", CLOSED.minusSeconds(60), 400_000.0));
    Map<String, PrioritizedLead> scored = new HashMap<>();
    run.prioritized().readValuesToList().forEach(lead -> scored.put(lead.getEventId(), lead));

    run.send(outcome("lead-1", "o1", OutcomeType.WON, CLOSED));

    LabelledLead labelled = run.labelled().readKeyValue().value;
    assertThat(labelled.getAsOf().getEvent().getEventId()).isEqualTo("e2");
    assertThat(labelled.getEventAt()).isBeforeOrEqualTo(CUTOFF);
    assertThat(labelled.getEventAt()).isEqualTo(labelled.getAsOf().getEvent().getOccurredAt());
    assertThat(labelled.getAsOf().getEvent().getBudget()).isEqualTo(200_000.0);
    PrioritizedLead e2 = scored.get("e2");
    assertThat(labelled.getAsOf().getScore().getEventId()).isEqualTo("e2");
    assertThat(labelled.getAsOf().getScore().getScore()).isEqualTo(e2.getScore());
    assertThat(labelled.getAsOf().getScore().getTier()).isEqualTo(e2.getTier());
    assertThat(labelled.getAsOf().getScore().getOpportunityProbability())
        .isEqualTo(e2.getOpportunityProbability());
    assertThat(labelled.getAsOf().getScore().getModelVersion()).isEqualTo(e2.getModelVersion());
    assertThat(labelled.getAsOf().getScore().getScoredAt()).isEqualTo(e2.getScoredAt());
    assertThat(labelled.getLabel()).isEqualTo(1);
    assertThat(labelled.getOutcomeAt()).isEqualTo(CLOSED);
    assertThat(labelled.getHorizonMs()).isEqualTo(Duration.ofDays(1).toMillis());
    assertThat(labelled.getOutcome().getEventId()).isEqualTo("o1");
  }

  @Test
  void shouldTakeAnEventExactlyAtTheCutoffButNotOneAMillisecondLater() {
    TopologyHarness run = harness(Map.of());
    run.send(event("lead-1", "at", CUTOFF, 100_000.0));
    run.send(event("lead-1", "after", CUTOFF.plusMillis(1), 200_000.0));

    run.send(outcome("lead-1", "o1", OutcomeType.LOST, CLOSED));

    LabelledLead labelled = run.labelled().readValue();
    assertThat(labelled.getAsOf().getEvent().getEventId()).isEqualTo("at");
    assertThat(labelled.getLabel()).isZero();
  }

  @Test
  void shouldUseTheConfiguredHorizon() {
    TopologyHarness run = harness(Map.of(LeadStreamConfig.LABELS_HORIZON_CONFIG, 7_200_000L));
    run.send(event("lead-1", "e1", CLOSED.minus(Duration.ofHours(3)), 100_000.0));
    run.send(event("lead-1", "e2", CLOSED.minus(Duration.ofHours(1)), 200_000.0));

    run.send(outcome("lead-1", "o1", OutcomeType.CONVERTED, CLOSED));

    LabelledLead labelled = run.labelled().readValue();
    assertThat(labelled.getAsOf().getEvent().getEventId()).isEqualTo("e1");
    assertThat(labelled.getHorizonMs()).isEqualTo(7_200_000L);
  }

  @Test
  void shouldKeepAndCountOutcomesWithoutAnEventBeforeTheHorizon() {
    TopologyHarness run = harness(Map.of());
    run.send(event("lead-late", "e1", CUTOFF.plusSeconds(1), 100_000.0));

    run.send(outcome("lead-unknown", "o1", OutcomeType.DISQUALIFIED, CLOSED));
    run.send(outcome("lead-late", "o2", OutcomeType.WON, CLOSED));

    List<LabelledLead> labelled = run.labelled().readValuesToList();
    assertThat(labelled).extracting(l -> l.getOutcome().getEventId()).containsExactly("o1", "o2");
    assertThat(labelled)
        .allSatisfy(
            l -> {
              assertThat(l.getAsOf()).isNull();
              assertThat(l.getEventAt()).isNull();
            });
    assertThat(labelled).extracting(LabelledLead::getLabel).containsExactly(0, 1);
    run.countCommittedOutcomes();
    assertThat(unmatched(LabelOutcomeProcessor.UNKNOWN_LEAD)).isEqualTo(1.0);
    assertThat(unmatched(LabelOutcomeProcessor.NO_EVENT_BEFORE_HORIZON)).isEqualTo(1.0);
    assertThat(metrics.registry().find("leadstream.outcomes.labelled").counters()).isEmpty();
  }

  @Test
  void shouldKeepOnlyTheLatestEventsOfALead() {
    TopologyHarness run = harness(Map.of(LeadStreamConfig.LABELS_HISTORY_EVENTS_CONFIG, 2));
    run.send(event("lead-1", "old", CUTOFF.minusSeconds(60), 100_000.0));
    run.send(event("lead-1", "new1", CUTOFF.plusSeconds(60), 200_000.0));
    run.send(event("lead-1", "new2", CUTOFF.plusSeconds(120), 300_000.0));
    run.send(event("lead-2", "other", CUTOFF.minusSeconds(60), 100_000.0));

    run.send(outcome("lead-1", "o1", OutcomeType.WON, CLOSED));

    assertThat(run.labelled().readValue().getAsOf()).as("the old event was dropped").isNull();
    KeyValueStore<Bytes, byte[]> store = run.driver().getKeyValueStore(LeadHistory.STORE);
    assertThat(entries(store)).as("two of lead-1, one of lead-2").isEqualTo(3);
  }

  @Test
  void shouldKeepOnlyTheLatestEventsOfALeadScoredMoreOftenThanTheTrackStoreCounts() {
    int keep = TrackLeadProcessor.HISTORY_SIZE + 2;
    TopologyHarness run = harness(Map.of(LeadStreamConfig.LABELS_HISTORY_EVENTS_CONFIG, keep));
    KeyValueStore<Bytes, byte[]> store = run.driver().getKeyValueStore(LeadHistory.STORE);

    for (int i = 0; i < keep + 5; i++) {
      run.send(event("lead-1", "e" + i, CUTOFF.plusSeconds(i), 100_000.0 + i));

      assertThat(entries(store))
          .as("entries after %d events", i + 1)
          .isEqualTo(Math.min(i + 1, keep));
    }
  }

  private static int entries(KeyValueStore<Bytes, byte[]> store) {
    int entries = 0;
    try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
      while (all.hasNext()) {
        all.next();
        entries++;
      }
    }
    return entries;
  }

  @Test
  void shouldDeadLetterBadOutcomesWithTheirSourceAndKeepGoing() {
    TopologyHarness run = harness(Map.of());
    byte[] notAvro = "{\"outcome\": \"WON\"}".getBytes(StandardCharsets.UTF_8);
    run.outcomes().pipeInput("lead-json", notAvro);
    run.outcomes().pipeInput("lead-tombstone", null);
    run.send(outcome("lead-1", "o-unknown", OutcomeType.UNKNOWN, CLOSED));
    run.send(
        LeadOutcome.newBuilder(outcome("lead-1", "o-neg", OutcomeType.WON, CLOSED))
            .setValue(-5.0)
            .build());
    run.send(outcome("", "o-no-lead", OutcomeType.WON, CLOSED));
    run.outcomes()
        .pipeInput(
            "someone-else",
            LeadStreamSerdes.leadOutcome()
                .encode(outcome("lead-1", "o-key", OutcomeType.WON, CLOSED)));
    run.outcomes()
        .pipeInput("lead-1", LeadStreamSerdes.leadEvent().encode(TestLeads.hot("lead-1").build()));
    run.send(outcome("lead-1", "o-ok", OutcomeType.WON, CLOSED));

    List<TestRecord<byte[], byte[]>> dead = run.deadLetters().readRecordsToList();
    assertThat(dead)
        .extracting(r -> header(r, DeadLetterHeaders.REASON))
        .containsExactly(
            "NOT_AVRO",
            "EMPTY_RECORD",
            "INVALID_FIELD",
            "INVALID_FIELD",
            "MISSING_LEAD_ID",
            "KEY_MISMATCH",
            "UNKNOWN_SCHEMA");
    assertThat(dead.get(0).value()).isEqualTo(notAvro);
    assertThat(header(dead.get(2), DeadLetterHeaders.DETAIL)).contains("outcome is UNKNOWN");
    assertThat(header(dead.get(3), DeadLetterHeaders.DETAIL)).contains("value");
    assertThat(header(dead.get(6), DeadLetterHeaders.DETAIL)).contains("LeadOutcome");
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("leads.outcomes");
              assertThat(header(r, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
              assertThat(header(r, DeadLetterHeaders.PROCESSOR))
                  .isEqualTo(LeadStreamTopology.PARSE_OUTCOME);
            });
    assertThat(run.labelled().readValuesToList())
        .extracting(l -> l.getOutcome().getEventId())
        .containsExactly("o-ok");
    assertThat(run.prioritized().isEmpty()).isTrue();
    run.countCommittedOutcomes();
    assertThat(
            metrics
                .registry()
                .get("leadstream.dead.letters")
                .tag("topic", "leads.outcomes")
                .counters())
        .extracting(counter -> counter.getId().getTag("reason"))
        .containsExactlyInAnyOrder(
            "NOT_AVRO",
            "EMPTY_RECORD",
            "INVALID_FIELD",
            "MISSING_LEAD_ID",
            "KEY_MISMATCH",
            "UNKNOWN_SCHEMA");
  }

  @Test
  void shouldReadBothSourcesInOneSubTopologyThroughTheHistoryStore() {
    LeadStreamConfig config = new LeadStreamConfig(Map.of());
    var description = LeadStreamTopology.build(config, SharedModel.get(), metrics).describe();

    assertThat(description.subtopologies()).hasSize(1);
    assertThat(description.toString())
        .contains(
            LeadStreamTopology.OUTCOMES_SOURCE,
            LeadStreamTopology.PARSE_OUTCOME,
            LeadStreamTopology.LABEL,
            LeadStreamTopology.LABELLED_SINK,
            LeadHistory.STORE)
        .doesNotContain("KSTREAM-");
  }

  private double unmatched(String why) {
    return metrics
        .registry()
        .get("leadstream.outcomes.unmatched")
        .tag("why", why)
        .counter()
        .count();
  }

  private static LeadEvent event(String leadId, String eventId, Instant at, double budget) {
    return TestLeads.hot(leadId).setEventId(eventId).setOccurredAt(at).setBudget(budget).build();
  }

  private static LeadOutcome outcome(String leadId, String eventId, OutcomeType type, Instant at) {
    return LeadOutcome.newBuilder()
        .setEventId(eventId)
        .setLeadId(leadId)
        .setOutcome(type)
        .setOccurredAt(at)
        .setValue(50_000.0)
        .setCurrency("EUR")
        .setSourceSystem("test")
        .build();
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
