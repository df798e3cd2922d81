package io.leadstream.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.io.LeadJsonWriter;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.app.streams.serde.SingleObjectSerde;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.app.streams.state.ScorePoint;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Lead queries over the per-lead track stores of every instance (Kafka Streams interactive
 * queries): one lead is answered by the instance that owns its key, asked over HTTP when that is
 * another instance; the top leads are each instance's own top, merged.
 */
public final class LeadQueries {

  /** Thrown when the stores are not queryable now (starting, rebalancing); ask again shortly. */
  public static final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REMOTE_TIMEOUT).build();
  private final SingleObjectSerde<PrioritizedLead> serde = LeadSerdes.prioritizedLead();

  /**
   * @param self this instance's advertised host and port ({@code application.server})
   * @param token bearer token other instances require, or null
   */
  public LeadQueries(Supplier<KafkaStreams> streams, HostInfo self, String token) {
    this.streams = streams;
    this.self = self;
    this.token = token;
  }

  /** The lead's latest prioritized event and recent scores, from whichever instance owns it. */
  public Optional<JsonNode> lead(String leadId, boolean localOnly) {
    if (!localOnly) {
      KeyQueryMetadata owner = streams.get().queryMetadataForKey(
          TrackLeadProcessor.STORE, leadId, Serdes.String().serializer());
      if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
        throw new UnavailableException("no instance owns the lead store now", null);
      }
      if (!owner.activeHost().equals(self)) {
        return remote(owner.activeHost(), "/leads/" + encode(leadId) + "?local=true");
      }
    }
    LeadTrack track = store().get(leadId);
    return track == null ? Optional.empty() : Optional.of(view(leadId, track));
  }

  /** The best-scored leads of every instance, optionally of one tier, best first. */
  public ArrayNode top(Tier tier, int limit, boolean localOnly) {
    List<JsonNode> leads = new ArrayList<>(localTop(tier, limit));
    if (!localOnly) {
      for (StreamsMetadata instance : streams.get().metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          String query = "/leads/top?limit=" + limit + "&local=true" + (tier == null ? "" : "&tier=" + tier);
          remote(instance.hostInfo(), query).ifPresent(array -> array.forEach(leads::add));
        }
      }
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    leads.stream().sorted(BEST_FIRST).limit(limit).forEach(result::add);
    return result;
  }

  private static final Comparator<JsonNode> BEST_FIRST = Comparator
      .comparingInt((JsonNode lead) -> -lead.path("score").asInt())
      .thenComparing(lead -> lead.path("leadId").asText());

  private List<JsonNode> localTop(Tier tier, int limit) {
    List<JsonNode> leads = new ArrayList<>();
    try (KeyValueIterator<String, LeadTrack> all = store().all()) {
      while (all.hasNext()) {
        KeyValue<String, LeadTrack> entry = all.next();
        PrioritizedLead latest = latest(entry.value);
        if (latest != null && (tier == null || latest.getTier() == tier)) {
          leads.add(LeadJsonWriter.toJson(latest));
        }
      }
    }
    leads.sort(BEST_FIRST);
    return leads.subList(0, Math.min(limit, leads.size()));
  }

  private ReadOnlyKeyValueStore<String, LeadTrack> store() {
    try {
      return streams.get().store(StoreQueryParameters.fromNameAndType(
          TrackLeadProcessor.STORE, QueryableStoreTypes.<String, LeadTrack>keyValueStore()));
    } catch (RuntimeException e) {
      throw new UnavailableException("the lead store is not queryable now: " + e.getMessage(), e);
    }
  }

  private JsonNode view(String leadId, LeadTrack track) {
    ObjectNode view = JsonNodeFactory.instance.objectNode();
    view.put("leadId", leadId);
    PrioritizedLead latest = latest(track);
    if (latest != null) {
      view.set("latest", LeadJsonWriter.toJson(latest));
    }
    ArrayNode recent = view.putArray("recentScores");
    for (ScorePoint point : track.getRecent()) {
      recent.add(LeadJsonWriter.toJson(point));
    }
    return view;
  }

  private PrioritizedLead latest(LeadTrack track) {
    ByteBuffer bytes = track.getLatest();
    if (bytes == null) {
      return null;
    }
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    try {
      return serde.decode(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored lead cannot be decoded", e);
    }
  }

  private Optional<JsonNode> remote(HostInfo host, String pathAndQuery) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery)).timeout(REMOTE_TIMEOUT);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new UnavailableException("instance " + host + " answered " + response.statusCode(), null);
      }
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UnavailableException("instance " + host + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted asking " + host, e);
    }
  }

  private static String encode(String leadId) {
    return URLEncoder.encode(leadId, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
