package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.OutcomeType;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OpsClient;
import io.leadstream.tools.testing.TopicAudit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batched inference on a real broker: a burst of events read in batches of up to 16 texts (the
 * linger is longer than the test, so only a full batch, a commit or an outcome drains them) gives
 * every event exactly one output, each lead's in its order, with what the encoder reads from that
 * event's own text, the memo reused for a repeated text within a batch, and an outcome sent right
 * behind its lead's events labelled with the last of them, which is still held when the outcome
 * comes (commits 5 s apart).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BatchedInferenceIT {

  private static final int LEADS = 40;
  private static final int BATCH = 16;
  private static final Instant CLOSED = OutcomeLabelsIT.CLOSED;

  @TempDir Path stateDir;

  @Test
  void shouldReadHeldTextsInBatchesAndKeepEveryEventsOwnReadingAndOrder(EmbeddedKafkaBroker broker)
      throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "batched",
            stateDir,
            IntegrationConfigs.batchedWithoutLinger(BATCH));
    TopicCreator.createMissing(config);
    List<LeadEvent> events = new ArrayList<>();
    for (int i = LEADS - 1; i >= 0; i--) { // lead-000 last, so its last event is still held
      String lead = String.format("lead-%03d", i);
      Instant first = CLOSED.minus(Duration.ofDays(3));
      events.add(TestLeads.hot(lead).setEventId(lead + "-e1").setOccurredAt(first).build());
      events.add( // the same text: its reading is reused
          TestLeads.hot(lead)
              .setEventId(lead + "-e2")
              .setOccurredAt(first.plusSeconds(60))
              .build());
      events.add( // another text
          TestLeads.junk(lead)
              .setEventId(lead + "-e3")
              .setOccurredAt(CLOSED.minus(Duration.ofDays(2)))
              .build());
    }

    Map<String, Double> ops = new HashMap<>();
    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      try (LeadProducer producer = new LeadProducer(config);
          KafkaProducer<String, byte[]> outcomes = OutcomeLabelsIT.producer(config)) {
        events.forEach(producer::send);
        producer.flushAndCount();
        OutcomeLabelsIT.send(
            outcomes,
            config,
            "lead-000",
            OutcomeLabelsIT.encode(OutcomeLabelsIT.outcome("lead-000", "o-0", OutcomeType.WON)));
        outcomes.flush();
      }
      int seen = OutcomeWaiter.await(reader, events.size(), Duration.ofSeconds(120), lead -> {});
      assertThat(seen).isEqualTo(events.size());
      OpsClient client = new OpsClient(app.opsPort().orElseThrow());
      // counted per input offset once committed: held records forwarded in another record's
      // context would share offsets and be counted as fewer
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (client.counterSum("leadstream_leads_scored_total") < events.size()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      ops.put("leadstream_leads_scored_total", client.counterSum("leadstream_leads_scored_total"));
      for (String name :
          List.of(
              "leadstream_inference_batch_texts_max",
              "leadstream_inference_batch_texts_count",
              "leadstream_inference_batch_texts_sum")) {
        ops.put(name, client.counterSum(name));
      }
    }

    List<PrioritizedLead> outputs =
        TopicAudit.leads(TopicAudit.readAll(config, config.prioritizedTopic(), true));
    assertThat(outputs)
        .extracting(PrioritizedLead::getEventId)
        .containsExactlyInAnyOrderElementsOf(events.stream().map(LeadEvent::getEventId).toList());
    Map<String, List<String>> orderByLead = new HashMap<>();
    outputs.forEach(
        out ->
            orderByLead
                .computeIfAbsent(out.getLeadId(), lead -> new ArrayList<>())
                .add(out.getEventId().substring(out.getLeadId().length() + 1)));
    assertThat(orderByLead.values())
        .allSatisfy(order -> assertThat(order).containsExactly("e1", "e2", "e3"));
    assertThat(outputs)
        .allSatisfy(
            out ->
                assertThat(out.getTextInferenceSkipped())
                    .as(out.getEventId())
                    .isEqualTo(out.getEventId().endsWith("-e2")));

    Map<String, LeadEvent> byId = new HashMap<>();
    events.forEach(event -> byId.put(event.getEventId(), event));
    try (ModelBundle bundle =
            ModelBundle.load(config.modelBundle(), LeadStreamApp.inferenceOptions(config));
        LeadScorer scorer = bundle.newScorer()) {
      for (PrioritizedLead out : outputs) {
        double alone =
            scorer.readText(LeadText.of(byId.get(out.getEventId()))).opportunityProbability();
        assertThat(out.getOpportunityProbability())
            .as(out.getEventId())
            .isCloseTo(alone, within(1e-6));
      }
    }

    assertThat(ops.get("leadstream_leads_scored_total"))
        .as("scored events counted by their own input offsets")
        .isEqualTo(events.size());
    double batches = ops.get("leadstream_inference_batch_texts_count");
    assertThat(ops.get("leadstream_inference_batch_texts_sum"))
        .as("texts read: e1 and e3 of every lead, e2 reused")
        .isEqualTo(2.0 * LEADS);
    assertThat(ops.get("leadstream_inference_batch_texts_max"))
        .as("texts in the largest batch")
        .isGreaterThan(1.0)
        .isLessThanOrEqualTo(BATCH);
    assertThat(batches).as("calls").isLessThan(2.0 * LEADS);

    List<LabelledLead> labelled =
        TopicAudit.readAll(config, config.labelledTopic(), true).stream()
            .map(OutcomeLabelsIT::labelled)
            .toList();
    assertThat(labelled).hasSize(1);
    assertThat(labelled.get(0).getAsOf()).as("the outcome's lead event").isNotNull();
    assertThat(labelled.get(0).getAsOf().getEvent().getEventId())
        .as("the outcome sees the lead's last event before the horizon, even one held for a batch")
        .isEqualTo("lead-000-e3");
  }
}
