package io.leadstream.tools.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.io.TopicSnapshot;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A whole topic as it is now, with either isolation level: {@code read_uncommitted} also sees the
 * records of aborted transactions, which {@code read_committed} never delivers.
 */
public final class TopicAudit {

  private TopicAudit() {}

  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      LeadStreamConfig config, String topic, boolean committedOnly) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    TopicSnapshot.read(config.clientProperties(), topic, committedOnly, records::add);
    return records;
  }

  /** The prioritized leads of a topic written with LeadStream's serde. */
  public static List<PrioritizedLead> leads(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(
            record -> {
              try {
                return LeadStreamSerdes.prioritizedLead().decode(record.value());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }
}
