package io.leadstream.app.evaluation;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.io.TopicSnapshot;
import io.leadstream.app.streams.Topics;
import io.leadstream.schema.LabelledLead;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The labelled leads on {@code leads.labelled} as compaction leaves them: the whole topic read once
 * ({@code read_committed}), and of each lead only its latest record, a tombstone removing it. So
 * the result does not depend on whether the log cleaner has run yet: a lead whose outcome was
 * replaced (a later outcome of the same lead) counts once, with its latest outcome.
 *
 * @param leads the latest record of each lead, in the order of their latest records
 * @param records records read
 * @param undecodable records whose value could not be decoded in the configured output format,
 *     skipped
 */
public record LabelledSnapshot(Collection<LabelledLead> leads, long records, long undecodable) {

  public LabelledSnapshot {
    leads = List.copyOf(leads);
  }

  /** Reads the labelled topic of {@code config} in its output format. */
  public static LabelledSnapshot read(LeadStreamConfig config) {
    try (Deserializer<LabelledLead> values =
        Topics.from(config).labelled().valueSerde().deserializer()) {
      String topic = config.labelledTopic();
      Map<String, LabelledLead> latest = new LinkedHashMap<>();
      long[] undecodable = {0};
      long records =
          TopicSnapshot.read(
              config.clientProperties(),
              topic,
              record -> {
                String key =
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                  if (key != null) {
                    latest.remove(key);
                  }
                  return;
                }
                LabelledLead lead;
                try {
                  lead = values.deserialize(topic, record.headers(), record.value());
                } catch (RuntimeException e) {
                  undecodable[0]++;
                  return;
                }
                // a record's key is its leadId; the value's id stands in should a key be missing
                latest.remove(key == null ? lead.getLeadId() : key);
                latest.put(key == null ? lead.getLeadId() : key, lead);
              });
      return new LabelledSnapshot(latest.values(), records, undecodable[0]);
    }
  }
}
