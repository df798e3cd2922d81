package io.leadstream.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class LatestLabelsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(30);
  private static final String TOPIC = "leads.labelled";

  private final LatestLabels latest = new LatestLabels();

  @Test
  void shouldKeepTheLatestRecordOfEachLeadInTheOrderOfTheLatestRecords() {
    LabelledLead first = lead("lead-a", 0, NOW.minusSeconds(30));
    LabelledLead other = lead("lead-b", 1, NOW.minusSeconds(20));
    LabelledLead again = lead("lead-a", 1, NOW.minusSeconds(10));

    latest.apply("lead-a", first);
    latest.apply("lead-b", other);
    latest.apply("lead-a", again);

    assertThat(latest.leads()).containsExactly(other, again);
  }

  @Test
  void shouldRemoveALeadOnATombstone() {
    latest.apply("lead-a", lead("lead-a", 1, NOW));
    LabelledLead kept = lead("lead-b", 0, NOW);
    latest.apply("lead-b", kept);

    latest.apply("lead-a", null);

    assertThat(latest.leads()).containsExactly(kept);
  }

  @Test
  void shouldKeyARecordWithoutKeyByItsLeadId() {
    latest.apply(null, lead("lead-a", 0, NOW));
    LabelledLead replacing = lead("lead-a", 1, NOW);

    latest.apply("lead-a", replacing);
    latest.apply(null, null);

    assertThat(latest.leads()).containsExactly(replacing);
  }

  @Test
  void shouldDropTheLeadsWhoseOutcomeIsAtOrBeforeTheStartOfTheWindow() {
    LabelledLead inside = lead("lead-in", 1, NOW.minus(WINDOW).plusMillis(1));
    LabelledLead future = lead("lead-future", 1, NOW.plusSeconds(1));
    latest.apply("lead-in", inside);
    latest.apply("lead-edge", lead("lead-edge", 1, NOW.minus(WINDOW)));
    latest.apply("lead-old", lead("lead-old", 0, NOW.minus(WINDOW).minusSeconds(1)));
    latest.apply("lead-future", future);

    int dropped = latest.dropBefore(NOW, WINDOW);

    assertThat(dropped).isEqualTo(2);
    assertThat(latest.leads()).containsExactly(inside, future);
  }

  @Test
  void shouldLetAnOldOutcomeReplaceANewerOneAsCompactionWould() {
    latest.apply("lead-a", lead("lead-a", 1, NOW));
    latest.apply("lead-a", lead("lead-a", 0, NOW.minus(WINDOW).minusSeconds(1)));

    latest.dropBefore(NOW, WINDOW);

    assertThat(latest.leads()).isEmpty();
  }

  @Test
  void shouldDecodeRecordsAndSkipThoseItCannotDecode() {
    LabelledLead lead = lead("lead-a", 1, NOW);
    try (Serializer<LabelledLead> serializer = LeadStreamSerdes.labelledLead().serializer();
        Deserializer<LabelledLead> values = LeadStreamSerdes.labelledLead().deserializer()) {
      byte[] bytes = serializer.serialize(TOPIC, lead);

      assertThat(latest.accept(record("lead-a", bytes), values)).isTrue();
      assertThat(latest.accept(record("lead-b", new byte[] {1, 2, 3}), values)).isFalse();
      assertThat(latest.leads()).containsExactly(lead);

      assertThat(latest.accept(record("lead-a", null), values)).isTrue();
      assertThat(latest.leads()).isEmpty();
    }
  }

  private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
    return new ConsumerRecord<>(TOPIC, 0, 0, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static LabelledLead lead(String leadId, int label, Instant outcomeAt) {
    return TestLabelledLeads.scored(leadId, "v1", 50, Tier.WARM, label, outcomeAt);
  }
}
