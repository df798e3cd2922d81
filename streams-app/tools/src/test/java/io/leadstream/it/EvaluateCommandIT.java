package io.leadstream.it;

import static io.leadstream.it.OutcomeLabelsIT.CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.Cards;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.TopicAudit;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `evaluate` end to end: the pipeline labels outcomes of scored leads, and the command reports them
 * per model version, the latest outcome of each lead (a tombstone removing one), the window cut and
 * the unmatched apart, with the AUC training computes on the same pairs, beside the card of the
 * bundle that scored them, and the drift against the card's reference.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class EvaluateCommandIT {

  private static final int LEADS = 12;
  private static final String UNTIL = "2026-11-28T00:00:00Z";
  private static final String BUNDLE = "classpath:bundles/default";

  @TempDir Path stateDir;
  @TempDir Path cards;

  @Test
  void shouldEvaluateTheLabelledLeadsBesideTheCard(EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> props =
        IntegrationConfigs.props(broker.bootstrapServers(), "evaluate", stateDir, Map.of());
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    try (LeadProducer producer = new LeadProducer(config)) {
      for (int i = 0; i < LEADS; i++) {
        producer.send(OutcomeLabelsIT.event(i, "before", CLOSED.minus(Duration.ofDays(3))));
        producer.send(OutcomeLabelsIT.event(i, "after", CLOSED.minus(Duration.ofHours(1))));
      }
      producer.flushAndCount();
    }
    List<LeadOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      outcomes.add(
          OutcomeLabelsIT.outcome(
              OutcomeLabelsIT.leadId(i), "o-" + i, OutcomeType.values()[i % 4]));
    }
    // a later outcome of lead-000 replaces its CONVERTED
    outcomes.add(OutcomeLabelsIT.outcome(OutcomeLabelsIT.leadId(0), "o-0-again", OutcomeType.LOST));
    for (int i = 0; i < 3; i++) {
      outcomes.add(
          OutcomeLabelsIT.outcome("lead-never-seen-" + i, "o-unknown-" + i, OutcomeType.WON));
    }
    // outside the 30 days before UNTIL
    outcomes.add(
        LeadOutcome.newBuilder(
                OutcomeLabelsIT.outcome("lead-long-ago", "o-long-ago", OutcomeType.WON))
            .setOccurredAt(CLOSED.minus(Duration.ofDays(60)))
            .build());

    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      int scored = OutcomeWaiter.await(reader, 2 * LEADS, Duration.ofSeconds(120), outcome -> {});
      assertThat(scored).as("events scored within the time-out").isEqualTo(2 * LEADS);
      try (KafkaProducer<String, byte[]> producer = OutcomeLabelsIT.producer(config)) {
        for (LeadOutcome outcome : outcomes) {
          OutcomeLabelsIT.send(
              producer, config, outcome.getLeadId(), OutcomeLabelsIT.encode(outcome));
        }
        producer.flush();
      }
      OutcomeLabelsIT.awaitRecords(config, config.labelledTopic(), outcomes.size());
    }
    // a tombstone removes a lead, as compaction would
    try (KafkaProducer<String, byte[]> producer = OutcomeLabelsIT.producer(config)) {
      producer.send(new ProducerRecord<>(config.labelledTopic(), "lead-never-seen-2", null)).get();
    }

    // what the command should find: the latest record of each lead, scored ones in the window
    Map<String, LabelledLead> latest = new LinkedHashMap<>();
    TopicAudit.readAll(config, config.labelledTopic(), true).stream()
        .filter(record -> record.value() != null)
        .map(OutcomeLabelsIT::labelled)
        .forEach(l -> latest.put(l.getLeadId(), l));
    List<LabelledLead> scoredLeads =
        latest.values().stream().filter(l -> l.getAsOf() != null).toList();
    double[] predicted = new double[scoredLeads.size()];
    boolean[] actual = new boolean[scoredLeads.size()];
    for (int k = 0; k < predicted.length; k++) {
      predicted[k] = scoredLeads.get(k).getAsOf().getScore().getScore() / 100.0;
      actual[k] = scoredLeads.get(k).getLabel() == 1;
    }
    BundleManifest card = Cards.read(BUNDLE);
    // the card with a drift reference of the very leads scored: no drift, exactly
    DriftQuantities quantities = new DriftQuantities(card.features());
    Path withReference = Files.createDirectories(cards.resolve("card-with-reference"));
    Files.write(
        withReference.resolve(BundleManifest.FILE_NAME),
        card.withDriftReference(
                quantities.reference(
                    "train",
                    quantities.followed(List.of("budget", "company size")),
                    scoredLeads.stream().map(l -> l.getAsOf().getEvent()).toList(),
                    scoredLeads.stream()
                        .mapToDouble(l -> l.getAsOf().getScore().getOpportunityProbability())
                        .toArray(),
                    scoredLeads.stream()
                        .mapToInt(l -> l.getAsOf().getScore().getScore())
                        .toArray()))
            .toJson());
    String cardWithReference = withReference.toString();

    StringWriter json = new StringWriter();
    int exit =
        IntegrationConfigs.execute(
            "evaluate", props, json, "--until", UNTIL, "--bundle", cardWithReference, "--json");

    JsonNode report = new ObjectMapper().readTree(json.toString());
    assertThat(report.get("leads").asLong()).isEqualTo(LEADS + 2 + 1);
    assertThat(report.get("outsideWindow").asLong()).isEqualTo(1);
    assertThat(report.get("unmatched").asLong()).isEqualTo(2);
    assertThat(report.get("versions")).hasSize(1);
    JsonNode version = report.get("versions").get(0);
    assertThat(version.get("modelVersion").asText()).isEqualTo(card.version());
    assertThat(version.get("count").asInt()).isEqualTo(LEADS);
    // CONVERTED, WON, LOST, DISQUALIFIED in turn, lead-000's CONVERTED replaced by LOST
    assertThat(version.get("positives").asInt()).isEqualTo(LEADS / 2 - 1);
    double auc = ClassificationMetrics.auc(predicted, actual);
    assertThat(version.get("auc").asDouble()).isEqualTo(auc);
    assertThat(version.get("brier").asDouble())
        .isEqualTo(ClassificationMetrics.brier(predicted, actual));
    assertThat(version.get("holdOut").get("auc").asDouble())
        .isEqualTo(card.evaluation().model().auc());
    assertThat(version.get("tiers")).hasSize(4);
    assertThat(version.get("warnings").toString().contains("live AUC"))
        .as("AUC warning")
        .isEqualTo(auc < card.evaluation().model().auc() - 0.05);
    assertThat(exit).isEqualTo(version.get("warnings").isEmpty() ? 0 : 3);
    assertThat(report.get("driftThreshold").asDouble()).isEqualTo(0.25);
    JsonNode drift = version.get("drift");
    assertThat(drift).hasSize(4);
    assertThat(drift.findValuesAsText("name"))
        .containsExactly("opportunityProbability", "score", "budget", "employees");
    for (JsonNode quantity : drift) {
      assertThat(quantity.get("psi").asDouble()).as(quantity.toString()).isZero();
      assertThat(quantity.get("liveCount").asInt()).isEqualTo(LEADS);
      assertThat(quantity.get("bins").get(0).has("reference")).isTrue();
    }
    assertThat(version.get("driftNote").asText()).contains("12 leads is mostly sampling noise");

    StringWriter table = new StringWriter();
    int tableExit =
        IntegrationConfigs.execute(
            "evaluate",
            props,
            table,
            "--until",
            UNTIL,
            "--bundle",
            cardWithReference,
            "--margin",
            "1");
    assertThat(table.toString())
        .contains(
            "12 labelled leads scored, 2 unmatched outcomes (no score); outside the window: 1")
        .contains("model " + card.version())
        .containsPattern("AUC\\s+\\d\\.\\d{3}\\s+0\\.887")
        .contains("calibration per decile")
        .contains("HOT")
        .contains("drift against the training split")
        .containsPattern("budget\\s+0\\.000 stable\\s+12  ");
    assertThat(tableExit).isEqualTo(table.toString().contains("WARNING") ? 3 : 0);
    assertThat(table.toString()).doesNotContain("WARNING " + card.version() + ": live AUC");
  }
}
