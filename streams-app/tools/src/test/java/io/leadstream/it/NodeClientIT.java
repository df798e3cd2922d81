package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.testing.NodeScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign client: Node.js with kafkajs and {@code @kafkajs/confluent-schema-registry} produces
 * LeadEvents in the registry wire format with an evolved writer schema of its own, and reads the
 * scored leads back from leads.prioritized through the registry. The registry is our loopback one
 * (no real registry runs here); both clients are real.
 */
class NodeClientIT {

  private static final int LEADS = 20;

  @TempDir Path folder;

  @Test
  void shouldScoreLeadsANodeProducerSendsThroughTheRegistryAndLetItReadThemBack() throws Exception {
    NodeScripts.requireInstalled();
    Path schema =
        Files.writeString(folder.resolve("LeadEvent.avsc"), LeadEvent.getClassSchema().toString());
    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(
            bootstrap ->
                new LeadStreamConfig(
                    Map.of("bootstrap.servers", bootstrap, LeadStreamConfig.HTTP_PORT_CONFIG, 0)),
            2,
            true)) {
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
}
