package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.DashboardQueries;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OpsClient;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running app serves health and Prometheus metrics: pipeline meters, per-partition lag, model
 * version.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class OpsEndpointsIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path stateDir;

  @Test
  void shouldServeHealthAndMetrics(EmbeddedKafkaBroker broker) throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "ops",
            stateDir,
            Map.of(LeadStreamConfig.METRICS_REFRESH_CONFIG, 500));
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(30);
    feed.sendAll(config);

    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      int port = app.opsPort().orElseThrow();
      app.awaitRunning(Duration.ofSeconds(60));
      new OutcomeLedger().readAll(reader, feed.size(), Duration.ofSeconds(120));
      OpsClient ops = new OpsClient(port);
      String notAvro =
          "leadstream_dead_letters_total{reason=\"NOT_AVRO\",topic=\""
              + config.rawTopic()
              + "\"} 1.0";
      Await.until(
          "the lag gauges and the committed counters in /metrics",
          Duration.ofSeconds(30),
          () -> {
            String body = ops.get("/metrics").body();
            return body.contains("kafka_consumer_fetch_manager_records_lag{")
                && body.contains(notAvro);
          });

      assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(port, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"status\":\"UP\"", "\"streams\":\"RUNNING\"");

      String metrics = get(port, "/metrics").body();
      assertThat(metrics)
          .contains("leadstream_model_info{version=\"" + app.modelVersion() + "\"} 1")
          .contains(notAvro)
          .contains("leadstream_leads_scored_total{tier=")
          .contains("leadstream_text_inference_skipped_total")
          .contains("leadstream_stage_seconds_bucket{stage=\"tokenize\"")
          .contains("leadstream_stage_seconds_bucket{stage=\"encode\"")
          .contains("leadstream_stage_seconds_bucket{stage=\"head\"")
          .contains("leadstream_stage_seconds_bucket{stage=\"score\"")
          .contains("leadstream_stage_seconds_bucket{stage=\"decode\"")
          .contains("leadstream_end_to_end_seconds_count")
          .contains("leadstream_text_unknown_token_ratio")
          .containsPattern(
              "kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\"[^}]*topic=\"ops.leads.raw\"")
          .contains("jvm_memory_used_bytes");
      // the live evaluation's are checked by LiveEvaluationIT, in an app that has evaluated
      assertThat(DashboardQueries.pipelineMetricNames())
          .isNotEmpty()
          .allSatisfy(name -> assertThat(metrics).contains(name));
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                          .POST(HttpRequest.BodyPublishers.noBody())
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(405);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
