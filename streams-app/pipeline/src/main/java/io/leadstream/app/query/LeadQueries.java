package io.leadstream.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.io.LeadJsonWriter;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.app.streams.state.ScorePoint;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.SingleObjectSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead queries over the per-lead track stores of every instance (Kafka Streams interactive
 * queries): one lead is answered by the instance that owns its key, asked over HTTP when that is
 * another instance; the top leads are each instance's own top, asked of all instances at once and
 * merged. An instance that does not answer within the peer timeout is left out, and the answer says
 * so.
 */
public final class LeadQueries {

  /**
   * Thrown when the stores are not queryable now (starting, rebalancing) or the lead's owner does
   * not answer; ask again shortly.
   */
  public static final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * How long another instance may take to connect and answer: short, as it is waited for while a
   * client waits.
   */
  public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(LeadQueries.class);

  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final PeerClient peers;
  private final SingleObjectSerde<PrioritizedLead> serde = LeadStreamSerdes.prioritizedLead();

  /** With {@link #DEFAULT_PEER_TIMEOUT}. */
  public LeadQueries(Supplier<KafkaStreams> streams, HostInfo self, String token) {
    this(streams, self, token, DEFAULT_PEER_TIMEOUT);
  }

  /**
   * @param self this instance's advertised host and port ({@code application.server})
   * @param token bearer token other instances require, or null
   * @param peerTimeout how long another instance may take to connect and answer
   */
  public LeadQueries(
      Supplier<KafkaStreams> streams, HostInfo self, String token, Duration peerTimeout) {
    this.streams = streams;
    this.self = self;
    this.peers = new PeerClient(token, peerTimeout);
  }

  /**
   * The lead's latest prioritized event and recent scores, from whichever instance owns it.
   *
   * @throws UnavailableException when the stores are not queryable or the owner does not answer in
   *     time
   */
  public Optional<JsonNode> lead(String leadId, boolean localOnly) {
    if (!localOnly) {
      KeyQueryMetadata owner =
          streams
              .get()
              .queryMetadataForKey(TrackLeadProcessor.STORE, leadId, Serdes.String().serializer());
      if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
        throw new UnavailableException("no instance owns the lead store now", null);
      }
      if (!owner.activeHost().equals(self)) {
        return await(
            owner.activeHost(),
            peers.get(owner.activeHost(), "/leads/" + encode(leadId) + "?local=true"));
      }
    }
    LeadTrack track = store().get(leadId);
    return track == null ? Optional.empty() : Optional.of(view(leadId, track));
  }

  /**
   * The best-scored leads of every instance, optionally of one tier, best first. The other
   * instances are asked in parallel for their own top ({@code local=true}); those that do not
   * answer within the peer timeout are named in the answer, which then holds what the others have.
   *
   * @throws UnavailableException when this instance's store is not queryable
   */
  public TopLeads top(Tier tier, int limit) {
    String query =
        "/leads/top?limit=" + limit + "&local=true" + (tier == null ? "" : "&tier=" + tier);
    Map<String, CompletableFuture<Optional<JsonNode>>> asked = new TreeMap<>();
    for (StreamsMetadata instance : streams.get().metadataForAllStreamsClients()) {
      if (!instance.hostInfo().equals(self)) {
        asked.put(PeerClient.address(instance.hostInfo()), peers.get(instance.hostInfo(), query));
      }
    }
    List<JsonNode> leads = new ArrayList<>(localLeads(tier, limit));
    List<String> unreachable = new ArrayList<>();
    asked.forEach(
        (address, answer) -> {
          try {
            answer.get().ifPresent(array -> array.forEach(leads::add));
          } catch (ExecutionException e) {
            log.warn("Top leads without instance {}: it {}", address, peers.why(e));
            unreachable.add(address);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted asking " + address, e);
          }
        });
    return new TopLeads(best(leads, limit), unreachable);
  }

  /**
   * This instance's own best-scored leads, optionally of one tier, best first: what the other
   * instances ask for.
   */
  public ArrayNode localTop(Tier tier, int limit) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    localLeads(tier, limit).forEach(result::add);
    return result;
  }

  private static final Comparator<JsonNode> BEST_FIRST =
      Comparator.comparingInt((JsonNode lead) -> -lead.path("score").asInt())
          .thenComparing(lead -> lead.path("leadId").asText());

  private List<JsonNode> localLeads(Tier tier, int limit) {
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
    return best(leads, limit);
  }

  private static List<JsonNode> best(List<JsonNode> leads, int limit) {
    return leads.stream().sorted(BEST_FIRST).limit(limit).toList();
  }

  private ReadOnlyKeyValueStore<String, LeadTrack> store() {
    try {
      return streams
          .get()
          .store(
              StoreQueryParameters.fromNameAndType(
                  TrackLeadProcessor.STORE,
                  QueryableStoreTypes.<String, LeadTrack>keyValueStore()));
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

  private Optional<JsonNode> await(HostInfo owner, CompletableFuture<Optional<JsonNode>> answer) {
    try {
      return answer.get();
    } catch (ExecutionException e) {
      throw new UnavailableException(
          "the instance that owns this lead, " + PeerClient.address(owner) + ", " + peers.why(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted asking " + PeerClient.address(owner), e);
    }
  }

  private static String encode(String leadId) {
    return URLEncoder.encode(leadId, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
