package io.leadstream.app.streams.processors;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.app.streams.state.LeadStores;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.app.streams.state.ScorePoint;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.Trend;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.SingleObjectSerde;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Compares a lead's new score with its previous one (trend, tier transition), keeps its recent
 * scores, adds the scored event to the lead's {@link LeadHistory} (connected by the topology: the
 * labelling of outcomes reads it too), and emits the {@link PrioritizedLead} with its encoding
 * ({@link TrackedLead}).
 */
public final class TrackLeadProcessor
    extends ContextualProcessor<String, ScoredLead, String, TrackedLead> {

  /** Per-lead recent scores, newest first. */
  public static final String STORE = "lead-track-store";

  /** How many past scores the track store keeps per lead. */
  public static final int HISTORY_SIZE = 10;

  private final PipelineMetrics metrics;
  private final int historyEvents;
  private final SingleObjectSerde<PrioritizedLead> latestSerde = LeadStreamSerdes.prioritizedLead();

  private KeyValueStore<String, LeadTrack> tracks;
  private LeadHistory history;

  private TrackLeadProcessor(int historyEvents, PipelineMetrics metrics) {
    this.historyEvents = historyEvents;
    this.metrics = metrics;
  }

  /**
   * @param historyEvents scored events kept per lead in {@link LeadHistory#STORE}
   */
  public static ProcessorSupplier<String, ScoredLead, String, TrackedLead> supplier(
      LeadStores stores, int historyEvents, PipelineMetrics metrics) {
    return new ProcessorSupplier<>() {
      @Override
      public TrackLeadProcessor get() {
        return new TrackLeadProcessor(historyEvents, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                stores.supplier(STORE), Serdes.String(), LeadSerdes.track()));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, TrackedLead> context) {
    super.init(context);
    tracks = context.getStateStore(STORE);
    history = new LeadHistory(context.getStateStore(LeadHistory.STORE));
  }

  @Override
  public void process(Record<String, ScoredLead> record) {
    Timer.Sample timing = metrics.start();
    ScoredLead scored = record.value();
    long now = context().currentSystemTimeMs();
    LeadTrack track = tracks.get(record.key());
    ScorePoint previous =
        track == null || track.getRecent().isEmpty() ? null : track.getRecent().get(0);
    PrioritizedLead lead = prioritize(scored, previous, Instant.ofEpochMilli(now));
    byte[] encoded = latestSerde.encode(lead);
    tracks.put(record.key(), append(track, lead, encoded));
    history.add(scored.enriched().event(), lead, historyEvents, scoringsBefore(track));
    metrics.stop(timing, PipelineMetrics.STAGE_TRACK);
    context()
        .recordMetadata()
        .ifPresentOrElse(
            source ->
                metrics.scored(
                    source.topic(), source.partition(), source.offset(), lead.getTier().name()),
            () -> metrics.scored("", -1, -1, lead.getTier().name()));
    metrics.endToEnd(now - record.timestamp());
    context().forward(record.withValue(new TrackedLead(lead, encoded)));
  }

  static PrioritizedLead prioritize(ScoredLead scored, ScorePoint previous, Instant scoredAt) {
    LeadEvent event = scored.enriched().event();
    Company company = event.getCompany();
    Contact contact = event.getContact();
    int score = scored.score().score();
    return PrioritizedLead.newBuilder()
        .setEventId(event.getEventId())
        .setLeadId(event.getLeadId())
        .setOccurredAt(event.getOccurredAt())
        .setScoredAt(scoredAt)
        .setCompanyName(company == null ? null : company.getName())
        .setIndustry(company == null ? null : company.getIndustry())
        .setCountry(company == null ? null : company.getCountry())
        .setContactName(contact == null ? null : contact.getName())
        .setContactTitle(contact == null ? null : contact.getTitle())
        .setOpportunityProbability(scored.enriched().text().opportunityProbability())
        .setScore(score)
        .setTier(scored.score().tier())
        .setPreviousTier(previous == null ? null : Tier.valueOf(previous.getTier()))
        .setPreviousScore(previous == null ? null : previous.getScore())
        .setTrend(trend(previous, score))
        .setReasons(scored.score().reasons())
        .setTextInferenceSkipped(scored.enriched().textReused())
        .setModelVersion(scored.modelVersion())
        .setUnknownTokenRatio(scored.enriched().text().unknownTokenRatio())
        .build();
  }

  private static Trend trend(ScorePoint previous, int score) {
    if (previous == null) {
      return Trend.NEW;
    }
    int delta = Integer.compare(score, previous.getScore());
    return delta > 0 ? Trend.UP : delta < 0 ? Trend.DOWN : Trend.UNCHANGED;
  }

  /**
   * How many times the lead was scored before, when the track store can tell: its list of recent
   * scores is complete until it holds {@link #HISTORY_SIZE}. The history keeps at most one entry
   * per scoring (written together with the track, in the same transaction), so this bounds it.
   */
  private static int scoringsBefore(LeadTrack track) {
    if (track == null) {
      return 0;
    }
    int recent = track.getRecent().size();
    return recent < HISTORY_SIZE ? recent : Integer.MAX_VALUE;
  }

  private static LeadTrack append(LeadTrack track, PrioritizedLead lead, byte[] encoded) {
    List<ScorePoint> recent = new ArrayList<>(HISTORY_SIZE);
    recent.add(
        new ScorePoint(
            lead.getEventId(), lead.getScore(), lead.getTier().name(), lead.getScoredAt()));
    if (track != null) {
      recent.addAll(
          track.getRecent().subList(0, Math.min(HISTORY_SIZE - 1, track.getRecent().size())));
    }
    return new LeadTrack(recent, ByteBuffer.wrap(encoded));
  }
}
