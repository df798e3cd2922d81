package io.leadstream.app.streams.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.Trend;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** The sinks write the track step's encoding of a lead when the output format is the same. */
class TrackedLeadTest {

  private final PrioritizedLead lead =
      PrioritizedLead.newBuilder()
          .setEventId("e-1")
          .setLeadId("lead-1")
          .setOccurredAt(Instant.EPOCH)
          .setScoredAt(Instant.EPOCH)
          .setOpportunityProbability(0.5)
          .setScore(50)
          .setTier(Tier.WARM)
          .setTrend(Trend.NEW)
          .setReasons(List.of())
          .setModelVersion("test")
          .build();

  @Test
  void shouldWriteTheCarriedBytesWhenTheOutputIsSingleObject() throws Exception {
    byte[] encoded = LeadStreamSerdes.prioritizedLead().encode(lead);
    Serde<TrackedLead> sink = TrackedLead.sinkSerde(LeadStreamSerdes.prioritizedLead());

    byte[] written =
        sink.serializer().serialize("leads.prioritized", new TrackedLead(lead, encoded));

    assertThat(written).isSameAs(encoded);
    assertThat(LeadStreamSerdes.prioritizedLead().decode(written)).isEqualTo(lead);
  }

  @Test
  void shouldEncodeTheLeadWithAnyOtherOutputSerde() {
    byte[] encoded = LeadStreamSerdes.prioritizedLead().encode(lead);
    Serde<PrioritizedLead> other =
        Serdes.serdeFrom(
            (topic, value) -> (topic + ":" + value.getLeadId()).getBytes(StandardCharsets.UTF_8),
            (topic, bytes) -> null);

    byte[] written =
        TrackedLead.sinkSerde(other)
            .serializer()
            .serialize("leads.prioritized", new TrackedLead(lead, encoded));

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("leads.prioritized:lead-1");
  }
}
