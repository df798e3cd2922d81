package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.ops.HttpLimits;
import io.leadstream.app.query.LeadQueries;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.HungPeer;
import io.leadstream.tools.testing.TestFeed;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances split the partitions; either answers for any lead (routing to the owner) and the
 * top leads merge both instances' stores, also when both ask each other at once. A peer that hangs
 * costs a short timeout and leaves a partial answer, never liveness. Lead data needs the bearer
 * token.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LeadQueriesIT {

  private static final String TOKEN = "s3cret-token";
  private static final Duration QUICK = Duration.ofSeconds(1);
  private static final Duration PATIENT = Duration.ofSeconds(15);

  /** Peer timeout plus room for a loaded test machine: well below the 10 s the old code waited. */
  private static final Duration PEER_TIMEOUT_AND_MARGIN =
      LeadQueries.DEFAULT_PEER_TIMEOUT.plusSeconds(2);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void shouldAnswerForAnyLeadFromEitherInstanceAndMergeTheTopLeads(EmbeddedKafkaBroker broker)
      throws Exception {
    LeadStreamConfig first = config(broker, "queries", "a", Map.of());
    LeadStreamConfig second = config(broker, "queries", "b", Map.of());
    TestFeed feed = sendFeed(first);

    try (LeadStreamApp a = LeadStreamApp.start(first);
        LeadStreamApp b = LeadStreamApp.start(second);
        OutcomeReader reader = new OutcomeReader(first)) {
      Map<String, PrioritizedLead> latest = awaitScored(reader, feed);
      awaitBothRunningWithPartitions(a, b);
      int portA = a.opsPort().orElseThrow();
      int portB = b.opsPort().orElseThrow();

      Set<String> leadIds = new HashSet<>();
      feed.leads().stream().map(LeadEvent::getLeadId).forEach(leadIds::add);
      for (String leadId : leadIds) {
        for (int port : List.of(portA, portB)) {
          HttpResponse<String> response = get(port, "/leads/" + leadId, TOKEN, PATIENT);
          assertThat(response.statusCode())
              .as("lead %s from port %d: %s", leadId, port, response.body())
              .isEqualTo(200);
          JsonNode view = json.readTree(response.body());
          assertThat(view.path("latest").path("eventId").asText())
              .isEqualTo(latest.get(leadId).getEventId());
          assertThat(view.path("recentScores")).isNotEmpty();
        }
      }

      List<String> expectedTop = best(latest.values(), lead -> lead.getTier() == Tier.HOT, 3);
      assertThat(expectedTop).isNotEmpty();
      for (int port : List.of(portA, portB)) {
        JsonNode top =
            json.readTree(get(port, "/leads/top?tier=HOT&limit=3", TOKEN, PATIENT).body());
        assertThat(top.path("partial").asBoolean()).isFalse();
        assertThat(top.path("unreachable")).isEmpty();
        assertThat(ids(top)).isEqualTo(expectedTop);
      }

      assertThat(get(portA, "/leads/no-such-lead", TOKEN, PATIENT).statusCode()).isEqualTo(404);
      assertThat(status(portA, "/leads/top", null)).isEqualTo(401);
      assertThat(status(portA, "/leads/" + leadIds.iterator().next(), "wrong")).isEqualTo(401);
      assertThat(get(portA, "/leads/top?tier=LUKEWARM", TOKEN, PATIENT).statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void shouldAnswerTopLeadsInFullWhenTwoInstancesAskEachOtherAtOnce(EmbeddedKafkaBroker broker)
      throws Exception {
    // Given two instances sharing the partitions
    LeadStreamConfig first = config(broker, "queries-crossed", "a", Map.of());
    LeadStreamConfig second = config(broker, "queries-crossed", "b", Map.of());
    TestFeed feed = sendFeed(first);
    try (LeadStreamApp a = LeadStreamApp.start(first);
        LeadStreamApp b = LeadStreamApp.start(second);
        OutcomeReader reader = new OutcomeReader(first)) {
      Map<String, PrioritizedLead> latest = awaitScored(reader, feed);
      awaitBothRunningWithPartitions(a, b);
      List<String> expectedTop = best(latest.values(), lead -> true, 5);

      // When clients ask both for the top leads at the same moment, more at once than either has
      // connection threads
      int atOnce = HttpLimits.DEFAULT.connectionThreads() + 2;
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < atOnce; i++) {
        for (LeadStreamApp instance : List.of(a, b)) {
          answers.add(
              http.sendAsync(
                  request(instance.opsPort().orElseThrow(), "/leads/top?limit=5", TOKEN, PATIENT),
                  HttpResponse.BodyHandlers.ofString()));
        }
      }

      // Then every one is answered in full: each instance heard from the other within the peer
      // timeout
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(PATIENT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode top = json.readTree(response.body());
        assertThat(top.path("partial").asBoolean())
            .as("unreachable: %s", top.path("unreachable"))
            .isFalse();
        assertThat(ids(top)).isEqualTo(expectedTop);
      }
    }
  }

  @Test
  void shouldAnswerTopLeadsPartiallyAndStayLiveWhileAPeerHangs(EmbeddedKafkaBroker broker)
      throws Exception {
    // Given instance a, and instance b whose lead-query address accepts connections and never
    // answers
    try (HungPeer hung = HungPeer.start()) {
      String hungAddress = "127.0.0.1:" + hung.port();
      LeadStreamConfig first = config(broker, "queries-hung", "a", Map.of());
      LeadStreamConfig second =
          config(
              broker,
              "queries-hung",
              "b",
              Map.of(LeadStreamConfig.HTTP_PORT_CONFIG, -1, "application.server", hungAddress));
      TestFeed feed = sendFeed(first);
      try (LeadStreamApp a = LeadStreamApp.start(first);
          LeadStreamApp b = LeadStreamApp.start(second);
          OutcomeReader reader = new OutcomeReader(first)) {
        Map<String, PrioritizedLead> latest = awaitScored(reader, feed);
        awaitBothRunningWithPartitions(a, b);
        int portA = a.opsPort().orElseThrow();
        Predicate<PrioritizedLead> heldByA =
            lead ->
                a.streams()
                    .queryMetadataForKey(
                        TrackLeadProcessor.STORE, lead.getLeadId(), Serdes.String().serializer())
                    .activeHost()
                    .equals(new HostInfo("127.0.0.1", portA));
        List<String> expectedTop = best(latest.values(), heldByA, 5);
        String leadOfB =
            latest.values().stream().filter(heldByA.negate()).findFirst().orElseThrow().getLeadId();

        // When a client asks a for the top leads, and a asks the hung peer
        long asked = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer =
            http.sendAsync(
                request(portA, "/leads/top?limit=5", TOKEN, PATIENT),
                HttpResponse.BodyHandlers.ofString());
        hung.awaitConnection(PATIENT);

        // Then a stays live meanwhile
        assertThat(get(portA, "/health/live", null, QUICK).statusCode()).isEqualTo(200);
        // and answers with its own best leads within the peer timeout, marked partial
        HttpResponse<String> response = answer.get(PATIENT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(PEER_TIMEOUT_AND_MARGIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode top = json.readTree(response.body());
        assertThat(top.path("partial").asBoolean()).isTrue();
        assertThat(top.path("unreachable").toString()).isEqualTo("[\"" + hungAddress + "\"]");
        assertThat(ids(top)).isEqualTo(expectedTop);
        // and a lead that b holds is answered 503 as quickly, naming its owner
        long askedForLead = System.nanoTime();
        HttpResponse<String> lead = get(portA, "/leads/" + leadOfB, TOKEN, PATIENT);
        assertThat(Duration.ofNanos(System.nanoTime() - askedForLead))
            .isLessThan(PEER_TIMEOUT_AND_MARGIN);
        assertThat(lead.statusCode()).isEqualTo(503);
        assertThat(lead.body())
            .contains(
                hungAddress,
                "did not answer within " + LeadQueries.DEFAULT_PEER_TIMEOUT.toMillis() + " ms");
      }
    }
  }

  private LeadStreamConfig config(
      EmbeddedKafkaBroker broker, String name, String instance, Map<String, Object> more) {
    Map<String, Object> extra =
        new HashMap<>(
            Map.of(
                LeadStreamConfig.HTTP_TOKEN_CONFIG,
                TOKEN,
                "num.stream.threads",
                1,
                LeadStreamConfig.TOPIC_PARTITIONS_CONFIG,
                4));
    extra.putAll(more);
    return IntegrationConfigs.forRun(
        broker.bootstrapServers(), name, dir.resolve(name).resolve(instance), extra);
  }

  private static TestFeed sendFeed(LeadStreamConfig config) {
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(60);
    feed.sendAll(config);
    return feed;
  }

  /** The latest scored event of each lead, once every input has an outcome. */
  private static Map<String, PrioritizedLead> awaitScored(OutcomeReader reader, TestFeed feed) {
    Map<String, PrioritizedLead> latest = new HashMap<>();
    OutcomeWaiter.await(
        reader,
        feed.size(),
        Duration.ofSeconds(180),
        outcome -> {
          if (outcome instanceof Outcome.Scored scored) {
            latest.put(scored.lead().getLeadId(), scored.lead());
          }
        });
    return latest;
  }

  private static List<String> best(
      Collection<PrioritizedLead> leads, Predicate<PrioritizedLead> which, int limit) {
    return leads.stream()
        .filter(which)
        .sorted(
            Comparator.comparingInt(PrioritizedLead::getScore)
                .reversed()
                .thenComparing(PrioritizedLead::getLeadId))
        .limit(limit)
        .map(PrioritizedLead::getLeadId)
        .toList();
  }

  private static List<String> ids(JsonNode top) {
    List<String> ids = new ArrayList<>();
    top.path("leads").forEach(lead -> ids.add(lead.path("leadId").asText()));
    return ids;
  }

  private static void awaitBothRunningWithPartitions(LeadStreamApp a, LeadStreamApp b)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      boolean running =
          a.streams().state() == KafkaStreams.State.RUNNING
              && b.streams().state() == KafkaStreams.State.RUNNING;
      boolean split =
          a.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty())
              && b.streams().metadataForLocalThreads().stream()
                  .anyMatch(t -> !t.activeTasks().isEmpty());
      if (running && split) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the two instances did not both get partitions");
  }

  private static HttpRequest request(int port, String path, String token, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private HttpResponse<String> get(int port, String path, String token, Duration timeout)
      throws Exception {
    return http.send(request(port, path, token, timeout), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Status of a request through a plain connection: java.net.http hides 401 answers behind its
   * authenticator.
   */
  private static int status(int port, String path, String token) throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
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
