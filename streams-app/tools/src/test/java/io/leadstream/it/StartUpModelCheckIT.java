package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle that cannot score the canary leads never serves: the app joins its group while the
 * bundle loads, but refuses to start once the check fails. No record is scored, nor dead-lettered
 * for the model's sake; malformed records may be dead-lettered meanwhile, as by any bundle.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StartUpModelCheckIT {

  @TempDir Path dir;

  @Test
  void shouldRefuseToStartWithABundleThatFailsOnEveryRecord(EmbeddedKafkaBroker broker) {
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    BundleFolders.editManifest(
        bundle,
        manifest -> {
          ArrayNode inputs = (ArrayNode) ((ObjectNode) manifest.get("encoder")).get("inputs");
          inputs.set(0, inputs.textNode("input_idz"));
        });
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "refuse",
            dir.resolve("state"),
            Map.of(LeadStreamConfig.MODEL_BUNDLE_CONFIG, bundle.toString()));
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(10);
    feed.sendAll(config);

    assertThatThrownBy(() -> LeadStreamApp.start(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot score the canary leads, so LeadStream does not start")
        .hasMessageContaining("input_idz");

    List<Outcome> outcomes = new ArrayList<>();
    try (OutcomeReader reader = new OutcomeReader(config)) {
      OutcomeWaiter.await(reader, Integer.MAX_VALUE, Duration.ofSeconds(3), outcomes::add);
    }
    assertThat(outcomes)
        .as("outcomes of a bundle that never served")
        .hasSizeLessThanOrEqualTo(feed.malformed().size())
        .allSatisfy(
            outcome ->
                assertThat(outcome)
                    .isInstanceOfSatisfying(
                        Outcome.DeadLettered.class,
                        dead -> assertThat(dead.reason()).isNotEqualTo("UNSCORABLE")));
  }
}
