package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.Cards;
import io.leadstream.app.evaluation.LiveEvaluation;
import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.app.evaluation.ReportJson;
import io.leadstream.app.evaluation.TestLabelledLeads;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.app.testing.DashboardQueries;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.ScoredEvent;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OpsClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running app evaluates what arrives on leads.labelled, continuously: /evaluation and the
 * leadstream_live_* gauges show what {@link LiveEvaluation#evaluate} computes over the latest
 * record of each lead in the window, beside the card of the bundle it serves; records written later
 * (a replaced outcome, tombstones, an outcome older than the window, an undecodable record) change
 * the figures at the next evaluation, and a version gone from the window leaves no gauge.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LiveEvaluationIT {

  private static final Duration WINDOW = Duration.ofDays(30);
  private static final String OLDER = "older-2026.10.01-00000000";
  private static final int[] SCORES = {95, 80, 72, 64, 50, 41, 33, 20, 12, 4};
  private static final int[] LABELS = {1, 1, 0, 1, 0, 1, 0, 0, 0, 0};
  private static final Tier[] TIERS = {Tier.HOT, Tier.WARM, Tier.COLD};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;
  @TempDir Path bundleDir;

  @Test
  void shouldEvaluateTheLabelledLeadsWhileRunning(EmbeddedKafkaBroker broker) throws Exception {
    String version = Cards.read(LeadStreamConfig.MODEL_BUNDLE_DEFAULT).version();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as Avro keeps it
    Map<String, LabelledLead> expected = new LinkedHashMap<>();
    List<LabelledLead> first = new ArrayList<>();
    for (int k = 0; k < SCORES.length; k++) {
      first.add(lead("lead-" + k, version, SCORES[k], LABELS[k], now.minusSeconds(60 * k)));
    }
    for (int k = 0; k < 3; k++) {
      first.add(lead("older-" + k, OLDER, 30 + 20 * k, k % 2, now.minus(Duration.ofDays(k))));
    }
    first.add(TestLabelledLeads.unmatched("lead-unknown", 1, now.minusSeconds(30)));
    Path bundle = withDriftReference(BundleFolders.copyShipped("default", bundleDir), first);
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "live",
            stateDir,
            Map.of(
                LeadStreamConfig.EVALUATION_INTERVAL_CONFIG,
                300,
                LeadStreamConfig.MODEL_BUNDLE_CONFIG,
                bundle.toString()));
    TopicCreator.createMissing(config);
    BundleManifest card = Cards.read(config.modelBundle());
    send(config, first);
    first.forEach(lead -> expected.put(lead.getLeadId(), lead));

    try (LeadStreamApp app = LeadStreamApp.start(config)) {
      OpsClient ops = new OpsClient(app.opsPort().orElseThrow());
      app.awaitRunning(Duration.ofSeconds(60));

      JsonNode report = awaitReport(ops, expected.values(), card);
      String metrics = ops.get("/metrics").body();
      VersionReport carded = evaluate(expected.values(), until(report), card).versions().get(0);
      String tags = "{version=\"" + card.version() + "\",window=\"30d\"}";
      assertThat(gauge(metrics, "leadstream_live_auc" + tags))
          .isCloseTo(carded.auc(), within(1e-12));
      assertThat(gauge(metrics, "leadstream_live_auc_low" + tags))
          .isCloseTo(carded.aucInterval().low(), within(1e-12));
      assertThat(gauge(metrics, "leadstream_live_log_loss" + tags))
          .isCloseTo(carded.logLoss(), within(1e-12));
      assertThat(gauge(metrics, "leadstream_live_outcomes" + tags)).isEqualTo(SCORES.length);
      assertThat(gauge(metrics, "leadstream_live_positives" + tags)).isEqualTo(4);
      assertThat(gauge(metrics, "leadstream_live_holdout_auc" + tags))
          .isEqualTo(card.evaluation().model().auc());
      assertThat(
              gauge(
                  metrics,
                  "leadstream_live_warning{kind=\"auc\",version=\""
                      + card.version()
                      + "\",window=\"30d\"}"))
          .isEqualTo(carded.warnings().toString().contains("live AUC") ? 1 : 0);
      assertThat(metrics).contains("leadstream_live_auc{version=\"" + OLDER + "\"");
      assertThat(report.get("unmatched").asLong()).isEqualTo(1);
      assertThat(DashboardQueries.liveEvaluationMetricNames())
          .isNotEmpty()
          .allSatisfy(name -> assertThat(metrics).contains(name));

      // later records: lead-1's outcome replaced, lead-0 and the older version's leads removed,
      // an outcome older than the window, a record in another format
      LabelledLead replaced = lead("lead-1", card.version(), SCORES[1], 0, now.minusSeconds(5));
      LabelledLead longAgo =
          lead("lead-long-ago", card.version(), 90, 1, now.minus(WINDOW).minusSeconds(60));
      send(config, List.of(replaced, longAgo));
      try (KafkaProducer<String, byte[]> producer = OutcomeLabelsIT.producer(config)) {
        for (String tombstoned : List.of("lead-0", "older-0", "older-1", "older-2")) {
          producer.send(new ProducerRecord<>(config.labelledTopic(), tombstoned, null));
          expected.remove(tombstoned);
        }
        producer.send(
            new ProducerRecord<>(config.labelledTopic(), "lead-garbled", new byte[] {42, 1, 2}));
        producer.flush();
      }
      expected.remove("lead-1");
      expected.put("lead-1", replaced);

      JsonNode later = awaitReport(ops, expected.values(), card);
      assertThat(later.get("versions")).hasSize(1);
      assertThat(later.get("versions").get(0).get("count").asInt()).isEqualTo(SCORES.length - 1);
      Await.until(
          "the undecodable record counted",
          Duration.ofSeconds(10),
          () -> ops.counterSum("leadstream_live_labelled_undecodable_total") == 1.0);
      assertThat(ops.get("/metrics").body())
          .as("no stale gauge of the version gone from the window")
          .doesNotContain("version=\"" + OLDER + "\"");
    }
  }

  /**
   * Waits for /evaluation to report what {@link LiveEvaluation#evaluate} makes of {@code leads} at
   * the report's own end of window, and returns the report.
   */
  private static JsonNode awaitReport(
      OpsClient ops, Collection<LabelledLead> leads, BundleManifest card) throws Exception {
    AtomicReference<String> last = new AtomicReference<>("(none)");
    AtomicReference<String> wanted = new AtomicReference<>("");
    try {
      Await.until(
          "/evaluation reporting the labelled leads",
          Duration.ofSeconds(60),
          () -> {
            HttpResponse<String> response = ops.get("/evaluation");
            last.set(response.statusCode() + " " + response.body());
            if (response.statusCode() != 200) {
              return false;
            }
            JsonNode actual = JSON.readTree(response.body());
            JsonNode expected =
                JSON.readTree(ReportJson.write(evaluate(leads, until(actual), card)));
            wanted.set(expected.toString());
            return sameFigures(actual, expected);
          });
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "\nlast answer: " + last.get() + "\nexpected: " + wanted.get(), e);
    }
    return JSON.readTree(last.get().substring(4));
  }

  /**
   * The bundle in {@code folder} with a drift reference of the scored {@code leads} of its version,
   * so the live drift of those leads is 0 and the dashboard's drift panel has its series.
   */
  private static Path withDriftReference(Path folder, List<LabelledLead> leads) throws IOException {
    BundleManifest card = Cards.read(folder.toString());
    List<ScoredEvent> scored =
        leads.stream()
            .filter(l -> l.getAsOf() != null)
            .map(LabelledLead::getAsOf)
            .filter(s -> s.getScore().getModelVersion().equals(card.version()))
            .toList();
    DriftQuantities quantities = new DriftQuantities(card.features());
    DriftReference reference =
        quantities.reference(
            "train",
            quantities.followed(List.of("budget", "company size")),
            scored.stream().map(ScoredEvent::getEvent).toList(),
            scored.stream().mapToDouble(s -> s.getScore().getOpportunityProbability()).toArray(),
            scored.stream().mapToInt(s -> s.getScore().getScore()).toArray());
    Files.write(
        folder.resolve(BundleManifest.FILE_NAME), card.withDriftReference(reference).toJson());
    return folder;
  }

  private static Report evaluate(
      Collection<LabelledLead> leads, Instant until, BundleManifest card) {
    List<LabelledLead> inWindow =
        leads.stream().filter(l -> l.getOutcomeAt().isAfter(until.minus(WINDOW))).toList();
    return LiveEvaluation.evaluate(inWindow, until, WINDOW, List.of(card), 0.05, 0.05);
  }

  private static Instant until(JsonNode report) {
    return Instant.parse(report.get("until").asText());
  }

  /**
   * The same JSON, numbers equal up to the last bits: the app sums the leads in the order it read
   * them from three partitions.
   */
  private static boolean sameFigures(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return Math.abs(actual.asDouble() - expected.asDouble()) <= 1e-12;
    }
    if (actual.isContainerNode() && expected.isContainerNode()) {
      if (actual.size() != expected.size()) {
        return false;
      }
      if (actual.isArray()) {
        for (int k = 0; k < actual.size(); k++) {
          if (!sameFigures(actual.get(k), expected.get(k))) {
            return false;
          }
        }
        return true;
      }
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!actual.has(name) || !sameFigures(actual.get(name), expected.get(name))) {
          return false;
        }
      }
      return true;
    }
    return actual.equals(expected);
  }

  private static void send(LeadStreamConfig config, List<LabelledLead> leads) {
    try (Serializer<LabelledLead> serializer = LeadStreamSerdes.labelledLead().serializer()) {
      OutcomeLabelsIT.sendLabelled(config, serializer, leads);
    }
  }

  private static LabelledLead lead(
      String leadId, String version, int score, int label, Instant outcomeAt) {
    return TestLabelledLeads.scored(
        leadId, version, score, TIERS[Math.floorMod(leadId.hashCode(), 3)], label, outcomeAt);
  }

  private static double gauge(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + series + " in\n" + scrape));
  }
}
