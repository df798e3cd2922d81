package io.leadstream.app.evaluation;

import io.leadstream.schema.LabelledLead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The labelled leads as compaction leaves them, fed record by record in offset order: of each lead
 * only its latest record, a tombstone removing it. Optionally bounded to a window: a lead whose
 * latest outcome occurred at or before the start of the window is dropped (a later record of the
 * lead brings it back). Thread-safe.
 */
public final class LatestLabels {

  private final Map<String, LabelledLead> latest = new LinkedHashMap<>();

  /**
   * Takes one record of the labelled topic, its value decoded by {@code values}.
   *
   * @return false when the value could not be decoded: the record is skipped
   */
  public boolean accept(ConsumerRecord<byte[], byte[]> record, Deserializer<LabelledLead> values) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      apply(key, null);
      return true;
    }
    LabelledLead lead;
    try {
      lead = values.deserialize(record.topic(), record.headers(), record.value());
    } catch (RuntimeException e) {
      return false;
    }
    apply(key, lead);
    return true;
  }

  /**
   * Takes one decoded record of the labelled topic.
   *
   * @param key the record's key, the lead id; when null, the value's lead id stands in
   * @param lead the record's value; null for a tombstone
   */
  public synchronized void apply(String key, LabelledLead lead) {
    if (lead == null) {
      if (key != null) {
        latest.remove(key);
      }
      return;
    }
    String leadId = key == null ? lead.getLeadId() : key;
    latest.remove(leadId); // so that the order is that of the latest records
    latest.put(leadId, lead);
  }

  /**
   * Drops the leads whose outcome occurred at or before {@code until - window}, as {@link
   * LiveEvaluation#evaluate} would count them outside its window.
   *
   * @return how many were dropped
   */
  public synchronized int dropBefore(Instant until, Duration window) {
    Instant from = until.minus(window);
    int dropped = 0;
    for (Iterator<LabelledLead> leads = latest.values().iterator(); leads.hasNext(); ) {
      if (!leads.next().getOutcomeAt().isAfter(from)) {
        leads.remove();
        dropped++;
      }
    }
    return dropped;
  }

  /** The latest record of each lead, in the order of their latest records. */
  public synchronized List<LabelledLead> leads() {
    return List.copyOf(latest.values());
  }

  public synchronized int size() {
    return latest.size();
  }
}
