package io.leadstream.app.streams.state;

import io.leadstream.schema.EventScore;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.ScoredEvent;
import io.leadstream.schema.kafka.SingleObjectSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Each lead's latest scored events by {@code occurredAt}, a bounded number a lead, for labelling
 * its outcomes point in time. One store entry per event, keyed by lead id, then occurredAt, then
 * event id, so that an entry is never larger than one event (a lead's whole history in one value
 * could exceed what its changelog takes) and a lead's entries are scanned in time order. The same
 * event scored again replaces its entry.
 */
public final class LeadHistory {

  public static final String STORE = "lead-history-store";

  private final KeyValueStore<Bytes, byte[]> store;
  private final SingleObjectSerde<ScoredEvent> serde =
      new SingleObjectSerde<>(ScoredEvent.getEncoder(), ScoredEvent.getDecoder());

  public LeadHistory(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  public static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder(LeadStores kind) {
    return Stores.keyValueStoreBuilder(kind.supplier(STORE), Serdes.Bytes(), Serdes.ByteArray());
  }

  /**
   * Keeps a scored event; the lead's events beyond the {@code keep} latest are dropped.
   *
   * @param heldAtMost how many entries the lead holds before this event at most, or {@link
   *     Integer#MAX_VALUE} when the caller cannot tell: the lead's entries are scanned for the trim
   *     only when this event could take them past {@code keep}
   */
  public void add(LeadEvent event, PrioritizedLead lead, int keep, int heldAtMost) {
    EventScore score =
        EventScore.newBuilder()
            .setEventId(lead.getEventId())
            .setScore(lead.getScore())
            .setOpportunityProbability(lead.getOpportunityProbability())
            .setTier(lead.getTier())
            .setModelVersion(lead.getModelVersion())
            .setScoredAt(lead.getScoredAt())
            .build();
    String leadId = event.getLeadId();
    store.put(
        key(leadId, event.getOccurredAt(), event.getEventId()),
        serde.encode(new ScoredEvent(event, score)));
    if (heldAtMost < keep) {
      return;
    }
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> entries = scan(leadId)) {
      entries.forEachRemaining(entry -> keys.add(entry.key));
    }
    for (Bytes oldest : keys.subList(0, Math.max(0, keys.size() - keep))) {
      store.delete(oldest);
    }
  }

  /** The lead's last kept event that occurred at or before {@code cutoff}. */
  public Optional<ScoredEvent> lastAtOrBefore(String leadId, Instant cutoff) {
    byte[] last = null;
    int timeOffset = prefix(leadId).get().length;
    try (KeyValueIterator<Bytes, byte[]> entries = scan(leadId)) {
      while (entries.hasNext()) {
        KeyValue<Bytes, byte[]> entry = entries.next();
        if (ByteBuffer.wrap(entry.key.get()).getLong(timeOffset) > cutoff.toEpochMilli()) {
          break;
        }
        last = entry.value;
      }
    }
    return Optional.ofNullable(last).map(this::decode);
  }

  /** Whether any event of the lead is kept. */
  public boolean knows(String leadId) {
    try (KeyValueIterator<Bytes, byte[]> entries = scan(leadId)) {
      return entries.hasNext();
    }
  }

  private KeyValueIterator<Bytes, byte[]> scan(String leadId) {
    return store.prefixScan(prefix(leadId), new BytesSerializer());
  }

  /** The lead id's length, then its bytes: no lead's prefix is the start of another's. */
  private static Bytes prefix(String leadId) {
    byte[] id = leadId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(Integer.BYTES + id.length).putInt(id.length).put(id).array());
  }

  /**
   * Big-endian times sort as numbers: occurredAt is validated to lie in 2000-2100, so it is
   * positive.
   */
  private static Bytes key(String leadId, Instant occurredAt, String eventId) {
    byte[] prefix = prefix(leadId).get();
    byte[] event = eventId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(prefix.length + Long.BYTES + event.length)
            .put(prefix)
            .putLong(occurredAt.toEpochMilli())
            .put(event)
            .array());
  }

  private ScoredEvent decode(byte[] value) {
    try {
      return serde.decode(value);
    } catch (IOException e) {
      throw new UncheckedIOException("lead-history-store holds an entry that does not decode", e);
    }
  }
}
