package io.leadstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.broker.EmbeddedKafkaBroker;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.observe.Outcome;
import io.leadstream.app.observe.OutcomeReader;
import io.leadstream.app.observe.OutcomeWaiter;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.EmbeddedKafkaExtension;
import io.leadstream.app.testing.TestFeed;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances split the partitions; either answers for any lead (routing to the owner) and the
 * top leads merge both instances' stores. Lead data needs the bearer token.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LeadQueriesIT {

  private static final String TOKEN = "s3cret-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void shouldAnswerForAnyLeadFromEitherInstanceAndMergeTheTopLeads(EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> extra = Map.of(LeadStreamConfig.HTTP_TOKEN_CONFIG, TOKEN, "num.stream.threads", 1,
        LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, 4);
    LeadStreamConfig first = IntegrationConfigs.forRun(broker.bootstrapServers(), "queries", dir.resolve("a"), extra);
    LeadStreamConfig second = IntegrationConfigs.forRun(broker.bootstrapServers(), "queries", dir.resolve("b"), extra);
    TopicCreator.createMissing(first);
    TestFeed feed = TestFeed.of(60);
    feed.sendAll(first);

    try (LeadStreamApp a = LeadStreamApp.start(first);
         LeadStreamApp b = LeadStreamApp.start(second);
         OutcomeReader reader = new OutcomeReader(first)) {
      Map<String, PrioritizedLead> latest = new HashMap<>();
      OutcomeWaiter.await(reader, feed.size(), Duration.ofSeconds(180), outcome -> {
        if (outcome instanceof Outcome.Scored scored) {
          latest.put(scored.lead().getLeadId(), scored.lead());
        }
      });
      awaitBothRunningWithPartitions(a, b);
      int portA = a.opsPort().orElseThrow();
      int portB = b.opsPort().orElseThrow();

      Set<String> leadIds = new HashSet<>();
      feed.leads().stream().map(LeadEvent::getLeadId).forEach(leadIds::add);
      for (String leadId : leadIds) {
        for (int port : List.of(portA, portB)) {
          HttpResponse<String> response = get(port, "/leads/" + leadId, TOKEN);
          assertThat(response.statusCode()).as("lead %s from port %d: %s", leadId, port, response.body()).isEqualTo(200);
          JsonNode view = json.readTree(response.body());
          assertThat(view.path("latest").path("eventId").asText()).isEqualTo(latest.get(leadId).getEventId());
          assertThat(view.path("recentScores")).isNotEmpty();
        }
      }

      List<String> expectedTop = latest.values().stream()
          .filter(lead -> lead.getTier() == Tier.HOT)
          .sorted(Comparator.comparingInt(PrioritizedLead::getScore).reversed().thenComparing(PrioritizedLead::getLeadId))
          .limit(3).map(PrioritizedLead::getLeadId).toList();
      assertThat(expectedTop).isNotEmpty();
      for (int port : List.of(portA, portB)) {
        JsonNode top = json.readTree(get(port, "/leads/top?tier=HOT&limit=3", TOKEN).body());
        List<String> ids = new ArrayList<>();
        top.forEach(lead -> ids.add(lead.path("leadId").asText()));
        assertThat(ids).isEqualTo(expectedTop);
      }

      assertThat(get(portA, "/leads/no-such-lead", TOKEN).statusCode()).isEqualTo(404);
      assertThat(status(portA, "/leads/top", null)).isEqualTo(401);
      assertThat(status(portA, "/leads/" + leadIds.iterator().next(), "wrong")).isEqualTo(401);
      assertThat(get(portA, "/leads/top?tier=LUKEWARM", TOKEN).statusCode()).isEqualTo(400);
    }
  }

  private static void awaitBothRunningWithPartitions(LeadStreamApp a, LeadStreamApp b) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      boolean running = a.streams().state() == KafkaStreams.State.RUNNING && b.streams().state() == KafkaStreams.State.RUNNING;
      boolean split = a.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty())
          && b.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
      if (running && split) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the two instances did not both get partitions");
  }

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Status of a request through a plain connection: java.net.http hides 401 answers behind its authenticator. */
  private static int status(int port, String path, String token) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    if (token != null) {
      connection.setRequestProperty("Authorization", "Bearer " + token);
    }
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }
}
