package io.leadstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.Topics;
import io.leadstream.app.testing.DashboardQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so docker-compose.yml, the Prometheus configuration and the Grafana
 * dashboard are checked as files: they parse, images are pinned, the pieces point at each other.
 */
class DeploymentFilesTest {

  /** Surefire runs in streams-app/pipeline/; the compose file is at the top of the repository. */
  static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  static final Path DASHBOARD = DashboardQueries.DASHBOARD;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPinEveryImageAndWireTheServices() throws IOException {
    JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    JsonNode services = compose.get("services");

    assertThat(names(services))
        .contains("kafka", "kafka-init", "leadstream", "prometheus", "grafana");
    services.forEach(
        service -> {
          String image = service.path("image").asText();
          assertThat(image)
              .as("image of a service")
              .matches("[\\w./-]+:[\\w.-]+")
              .doesNotEndWith(":latest");
        });
    JsonNode leadstream = services.get("leadstream");
    assertThat(leadstream.path("environment").path("LEADSTREAM_KAFKA_BOOTSTRAP_SERVERS").asText())
        .isEqualTo("kafka:9092");
    assertThat(
            services.get("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
        .contains("kafka:9092");
    assertThat(leadstream.path("environment").path("LEADSTREAM_HTTP_HOST").asText())
        .isEqualTo("0.0.0.0");
    assertThat(
            Files.isRegularFile(ROOT.resolve(leadstream.path("build").path("dockerfile").asText())))
        .isTrue();
    String stateDir = leadstream.path("environment").path("LEADSTREAM_KAFKA_STATE_DIR").asText();
    assertThat(leadstream.path("volumes").get(0).asText())
        .as("state kept in a named volume")
        .isEqualTo("leadstream-state:" + stateDir);
    assertThat(compose.path("volumes").has("leadstream-state")).isTrue();
    for (String service : List.of("prometheus", "grafana")) {
      for (JsonNode volume : services.get(service).path("volumes")) {
        Path mounted = ROOT.resolve(volume.asText().split(":")[0]);
        assertThat(Files.exists(mounted)).as("mounted " + mounted).isTrue();
      }
    }
  }

  @Test
  void shouldCreateEveryTopicTheTopologyReads() throws IOException {
    JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    String init = compose.path("services").path("kafka-init").path("command").get(0).asText();

    assertThat(Topics.from(new LeadStreamConfig(Map.of())).names())
        .allSatisfy(topic -> assertThat(init).contains(topic));
    assertThat(init).contains("--topic leads.labelled").contains("cleanup.policy=compact");
  }

  @Test
  void shouldScrapeTheLeadStreamServiceOnItsOpsPort() throws IOException {
    JsonNode prometheus = YAML.readTree(ROOT.resolve("streams-app/docker/prometheus.yml").toFile());
    JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());

    String target =
        prometheus
            .path("scrape_configs")
            .get(0)
            .path("static_configs")
            .get(0)
            .path("targets")
            .get(0)
            .asText();
    String port =
        compose
            .path("services")
            .path("leadstream")
            .path("environment")
            .path("LEADSTREAM_HTTP_PORT")
            .asText();
    assertThat(target).isEqualTo("leadstream:" + port);
    assertThat(prometheus.path("scrape_configs").get(0).path("metrics_path").asText())
        .isEqualTo("/metrics");
  }

  @Test
  void shouldQueryOnlyTheProvisionedDatasource() throws IOException {
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    JsonNode datasource =
        YAML.readTree(
                ROOT.resolve("streams-app/docker/grafana/provisioning/datasources/prometheus.yml")
                    .toFile())
            .path("datasources")
            .get(0);

    assertThat(dashboard.path("uid").asText()).isEqualTo("leadstream");
    assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(6);
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(panel.path("datasource").path("uid").asText())
          .isEqualTo(datasource.path("uid").asText());
      assertThat(panel.path("targets")).isNotEmpty();
    }
    assertThat(DashboardQueries.metricNames())
        .contains(
            "leadstream_leads_scored_total",
            "kafka_consumer_fetch_manager_records_lag",
            "leadstream_end_to_end_seconds_bucket",
            "leadstream_dead_letters_total",
            "leadstream_live_auc",
            "leadstream_live_holdout_auc",
            "leadstream_live_calibration_observed",
            "leadstream_live_warning");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
