package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.schema.OutcomeType;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.OutcomeProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OpsClient;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that breaks while the app runs (a bundle whose encoder input is misnamed, put in service
 * past the checks that would refuse it) is not bad input: the app stops processing with nothing
 * committed past the records it holds, dead-letters nothing, and says so on /health/ready and
 * /health/progress (which names a waiting outcome's partition as well as the leads'); when the
 * bundle is fixed (a reload, or a restart after the instance shut itself down) every held record
 * gets its one outcome, and the outcome counters in /metrics count each committed outcome once,
 * never an aborted attempt.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ModelFailureIT {

  @TempDir Path dir;

  @Test
  void shouldHoldRecordsWhileTheModelIsBrokenAndScoreThemOnceAReloadFixesIt(
      EmbeddedKafkaBroker broker) throws Exception {
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    LeadStreamConfig config = config(broker, "broken-reload", bundle, 100, 200);
    JsonNode goodInputs = encoderInputs(bundle);
    TopicCreator.createMissing(config);
    TestFeed before = TestFeed.of(30);
    // enough that the encoder (hundreds of texts/s with int8 MiniLM) has not read them all when
    // the model breaks: progress turns red only while records wait
    TestFeed held = TestFeed.valid(800, "held-").withUniqueTexts();
    OutcomeLedger ledger = new OutcomeLedger();

    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      OpsClient ops = new OpsClient(app.opsPort().orElseThrow());
      app.awaitRunning(Duration.ofSeconds(60));
      before.sendAll(config);
      ledger.readAll(reader, before.size(), Duration.ofSeconds(120));
      Await.until(
          "ready before the break",
          Duration.ofSeconds(30),
          () -> ops.status("/health/ready") == 200);

      held.sendAll(config);
      OutcomeWaiter.await(
          reader, 20, Duration.ofSeconds(60), ledger::add); // break it mid-transaction
      breakModel(app, bundle);

      Await.until(
          "readiness red", Duration.ofSeconds(30), () -> ops.status("/health/ready") == 503);
      Await.until(
          "progress red", Duration.ofSeconds(30), () -> ops.status("/health/progress") == 503);
      // outcomes wait as well: progress watches their partitions too, not the leads' alone
      try (OutcomeProducer outcomes = new OutcomeProducer(config)) {
        String lead = before.leads().get(0).getLeadId();
        outcomes.send(OutcomeLabelsIT.outcome(lead, "outcome-while-broken", OutcomeType.WON));
        outcomes.flushAndCount();
      }
      Await.until(
          "progress names the waiting outcome's partition",
          Duration.ofSeconds(30),
          () -> ops.get("/health/progress").body().contains(config.outcomesTopic() + "-"));
      OutcomeWaiter.await(
          reader,
          Integer.MAX_VALUE,
          Duration.ofSeconds(2),
          ledger::add); // committed before the break
      int whileBroken =
          OutcomeWaiter.await(reader, Integer.MAX_VALUE, Duration.ofSeconds(3), ledger::add);
      assertThat(ops.status("/health/live")).isEqualTo(200);
      assertThat(ledger.deadLetterCount())
          .as("a broken model must not dead-letter records")
          .isEqualTo(before.malformed().size());

      BundleFolders.editManifest(
          bundle,
          manifest -> {
            ((ObjectNode) manifest.get("encoder")).set("inputs", goodInputs);
            manifest.put("version", "default-fixed");
          });
      ledger.readAll(reader, before.size() + held.size() - ledger.size(), Duration.ofSeconds(120));

      ledger.assertExactlyOnce(before.plus(held));
      assertThat(whileBroken).as("outcomes committed once the model was broken").isZero();
      Await.until("ready again", Duration.ofSeconds(60), () -> ops.status("/health/ready") == 200);
      Await.until(
          "counters at the committed outcomes",
          Duration.ofSeconds(10),
          () ->
              ops.counterSum("leadstream_leads_scored_total")
                  == before.leads().size() + held.leads().size());
      assertThat(ops.counterSum("leadstream_dead_letters_total"))
          .isEqualTo(before.malformed().size());
    }
  }

  @Test
  void shouldShutDownAfterBoundedReplacementsAndScoreTheHeldRecordsAfterARestart(
      EmbeddedKafkaBroker broker) throws Exception {
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    LeadStreamConfig config = config(broker, "broken-restart", bundle, 1, 0);
    TopicCreator.createMissing(config);
    TestFeed before = TestFeed.valid(20, "before-");
    TestFeed held = TestFeed.valid(40, "held-").withUniqueTexts();
    OutcomeLedger ledger = new OutcomeLedger();

    try (OutcomeReader reader = new OutcomeReader(config)) {
      try (LeadStreamApp app = LeadStreamApp.start(config)) {
        app.awaitRunning(Duration.ofSeconds(60));
        before.sendAll(config);
        ledger.readAll(reader, before.size(), Duration.ofSeconds(120));
        app.model().swap(ModelBundle.load(misnamedInputCopy(bundle, dir.resolve("broken"))));
        held.sendAll(config);

        Await.until(
            "the instance shuts itself down",
            Duration.ofSeconds(60),
            () -> app.streams().state() == KafkaStreams.State.ERROR);
        assertThat(app.fatalFailure()).isPresent();
        assertThat(new OpsClient(app.opsPort().orElseThrow()).status("/health/live"))
            .isEqualTo(503);
      }
      assertThat(OutcomeWaiter.await(reader, Integer.MAX_VALUE, Duration.ofSeconds(2), ledger::add))
          .isZero();

      try (LeadStreamApp restarted = LeadStreamApp.start(config)) {
        restarted.awaitRunning(Duration.ofSeconds(60));
        ledger.readAll(reader, held.size(), Duration.ofSeconds(120));
      }
    }

    ledger.assertExactlyOnce(before.plus(held));
  }

  /**
   * Puts a bundle that fails on every record in service, as a model that breaks at run time would:
   * the folder gets it too (the reloader rejects it and, seeing its version serve, leaves it), and
   * it is swapped in directly, past the canary check.
   */
  private static void breakModel(LeadStreamApp app, Path bundle) {
    misnamedInputCopy(bundle, bundle);
    app.model().swap(ModelBundle.load(bundle));
  }

  private static Path misnamedInputCopy(Path bundle, Path target) {
    Path copy = target.equals(bundle) ? bundle : BundleFolders.copyShipped("default", target);
    BundleFolders.editManifest(
        copy,
        manifest -> {
          ArrayNode inputs = (ArrayNode) manifest.get("encoder").get("inputs");
          inputs.set(0, inputs.textNode("input_idz"));
          manifest.put("version", "broken-at-run-time");
        });
    return copy;
  }

  private static JsonNode encoderInputs(Path bundle) throws Exception {
    return new ObjectMapper()
        .readTree(bundle.resolve("manifest.json").toFile())
        .get("encoder")
        .get("inputs");
  }

  private LeadStreamConfig config(
      EmbeddedKafkaBroker broker, String name, Path bundle, int replacements, long reloadMs) {
    Map<String, Object> extra = new HashMap<>();
    extra.put(LeadStreamConfig.MODEL_BUNDLE_CONFIG, bundle.toString());
    extra.put(LeadStreamConfig.MODEL_RELOAD_INTERVAL_CONFIG, reloadMs);
    extra.put(LeadStreamConfig.FAILURE_REPLACEMENTS_CONFIG, replacements);
    extra.put(LeadStreamConfig.HEALTH_PROBE_INTERVAL_CONFIG, 300);
    extra.put(LeadStreamConfig.HEALTH_PROGRESS_TIMEOUT_CONFIG, 3000);
    extra.put(
        "commit.interval.ms", 1000); // a long transaction, so the break aborts processed records
    return IntegrationConfigs.forRun(
        broker.bootstrapServers(), name, dir.resolve(name + "-state"), extra);
  }
}
