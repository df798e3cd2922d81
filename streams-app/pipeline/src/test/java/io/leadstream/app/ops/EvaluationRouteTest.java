package io.leadstream.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** /evaluation before there is an evaluation: 503 with a JSON message saying why. */
class EvaluationRouteTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final Health health =
      new Health(
          () -> KafkaStreams.State.RUNNING,
          () -> Check.up("model"),
          () -> Check.up("broker"),
          () -> Check.up("progress"),
          Optional::empty,
          Clock.systemUTC());

  @Test
  void shouldAnswer503BeforeTheFirstEvaluation() throws Exception {
    HttpResponse<String> response = get(Map.of());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"UNAVAILABLE\",\"reason\":\"no live evaluation yet: it runs every"
                + " 60000 ms once leads.labelled has been read\"}");
  }

  @Test
  void shouldAnswer503WhenEvaluationIsOff() throws Exception {
    HttpResponse<String> response = get(Map.of(LeadStreamConfig.EVALUATION_INTERVAL_CONFIG, 0));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .contains("live evaluation is off (leadstream.evaluation.interval.ms=0)");
  }

  private HttpResponse<String> get(Map<String, Object> settings) throws Exception {
    LeadStreamConfig config = new LeadStreamConfig(settings);
    try (OpsServer server =
        OpsServer.start(
            "127.0.0.1",
            0,
            () -> "",
            health,
            Map.of(EvaluationRoute.PATH, new EvaluationRoute(config, () -> null)))) {
      return http.send(
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.port() + EvaluationRoute.PATH))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
