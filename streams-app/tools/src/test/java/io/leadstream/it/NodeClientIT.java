package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedPipelines;
import io.leadstream.tools.testing.NodeScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign client, Node.js with kafkajs, in each input format: with {@code
 * @kafkajs/confluent-schema-registry} it produces LeadEvents in the registry wire format with an
 * evolved writer schema of its own and reads the scored leads back through the registry (our
 * loopback one: no real registry runs here; both clients are real); with avsc and its own
 * CRC-64-AVRO it writes single-object encoding; and it sends HubSpot-style JSON for the worked
 * mapping.
 */
class NodeClientIT {

  private static final int LEADS = 20;

  @TempDir Path folder;

  @Test
  void shouldScoreLeadsANodeProducerSendsThroughTheRegistryAndLetItReadThemBack() throws Exception {
    NodeScripts.requireInstalled();
    Path schema =
        Files.writeString(folder.resolve("LeadEvent.avsc"), LeadEvent.getClassSchema().toString());
    try (EmbeddedPipeline pipeline = EmbeddedPipelines.start(Map.of(), 2, true)) {
      NodeScripts.Result result =
          NodeScripts.run(
              Duration.ofSeconds(150),
              "roundtrip.mjs",
              "--broker",
              pipeline.bootstrapServers(),
              "--registry",
              pipeline.registryUrl().orElseThrow(),
              "--schema",
              schema.toString(),
              "--count",
              String.valueOf(LEADS),
              "--raw-topic",
              pipeline.config().rawTopic(),
              "--prioritized-topic",
              pipeline.config().prioritizedTopic(),
              "--timeout-ms",
              "120000");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      JsonNode summary = new ObjectMapper().readTree(result.lastLine());
      assertThat(summary.path("produced").asInt()).isEqualTo(LEADS);
      assertThat(summary.path("prioritized").asInt()).as("scored and read back").isEqualTo(LEADS);
      assertThat(summary.path("leadIds")).hasSize(LEADS);
      JsonNode sample = summary.path("sample");
      assertThat(sample.path("tier").asText()).isIn("HOT", "WARM", "COLD", "DISQUALIFIED");
      assertThat(sample.path("reasons")).isNotEmpty();
    }
  }

  @Test
  void shouldScoreSingleObjectLeadsWhoseFingerprintANodeProducerComputed() throws Exception {
    NodeScripts.requireInstalled();
    Path schema =
        Files.writeString(folder.resolve("LeadEvent.avsc"), LeadEvent.getClassSchema().toString());
    try (EmbeddedPipeline pipeline = start(Map.of())) {
      produceAndExpectScored(pipeline, "single-object", "--schema", schema.toString());
    }
  }

  @Test
  void shouldScoreTheCrmJsonANodeProducerSends() throws Exception {
    NodeScripts.requireInstalled();
    try (EmbeddedPipeline pipeline = start(HubSpotExample.inputSettings())) {
      produceAndExpectScored(pipeline, "json");
    }
  }

  private static EmbeddedPipeline start(Map<String, Object> settings) {
    return EmbeddedPipelines.start(settings, 2, false);
  }

  /**
   * Runs produce.mjs in that format and expects each lead it sent scored, nothing dead-lettered.
   */
  private static void produceAndExpectScored(
      EmbeddedPipeline pipeline, String format, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--format", format,
                "--broker", pipeline.bootstrapServers(),
                "--count", String.valueOf(LEADS),
                "--raw-topic", pipeline.config().rawTopic()));
    args.addAll(List.of(more));
    NodeScripts.Result result =
        NodeScripts.run(Duration.ofSeconds(60), "produce.mjs", args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> sent = new ArrayList<>();
    new ObjectMapper()
        .readTree(result.lastLine())
        .path("leadIds")
        .forEach(id -> sent.add(id.asText()));
    assertThat(sent).hasSize(LEADS);

    List<String> scored = new ArrayList<>();
    List<String> dead = new ArrayList<>();
    try (OutcomeReader reader = new OutcomeReader(pipeline.config())) {
      OutcomeWaiter.await(
          reader,
          LEADS,
          Duration.ofSeconds(90),
          outcome -> {
            if (outcome instanceof Outcome.Scored s) {
              scored.add(s.lead().getLeadId());
            } else if (outcome instanceof Outcome.DeadLettered d) {
              dead.add(d.reason() + ": " + d.detail());
            }
          });
    }
    assertThat(dead).as("dead letters").isEmpty();
    assertThat(scored).containsExactlyInAnyOrderElementsOf(sent);
  }
}
