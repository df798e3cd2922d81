package io.leadstream.app.evaluation;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.io.TopicSnapshot;
import io.leadstream.app.streams.Topics;
import io.leadstream.schema.LabelledLead;
import java.util.Collection;
import java.util.List;
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
      LatestLabels latest = new LatestLabels();
      long[] undecodable = {0};
      long records =
          TopicSnapshot.read(
              config.clientProperties(),
              topic,
              record -> {
                if (!latest.accept(record, values)) {
                  undecodable[0]++;
                }
              });
      return new LabelledSnapshot(latest.leads(), records, undecodable[0]);
    }
  }
}
