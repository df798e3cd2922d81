package io.leadstream.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

class LeadEventEncodingTest {

  static {
    AvroTrust.trustSchemaPackage();
  }

  private static LeadEvent sampleLead() {
    return LeadEvent.newBuilder()
        .setEventId("e-1")
        .setLeadId("lead-1")
        .setOccurredAt(Instant.parse("2026-11-28T10:15:30Z"))
        .setCompany(Company.newBuilder().setName("ABC GmbH").setEmployees(250).build())
        .setBudget(50_000.0)
        .setNotes("Wants a quote for 40 seats")
        .setAttributes(Map.of("region", "EMEA"))
        .build();
  }

  @Test
  void shouldRoundTripThroughSingleObjectEncoding() throws Exception {
    LeadEvent lead = sampleLead();

    ByteBuffer bytes = LeadEvent.getEncoder().encode(lead);
    LeadEvent decoded = LeadEvent.getDecoder().decode(bytes);

    assertThat(decoded).isEqualTo(lead);
    assertThat(decoded.getSourceSystem()).isEqualTo("unknown");
  }

  @Test
  void shouldStartWithSingleObjectMarker() throws Exception {
    byte[] bytes = LeadEvent.getEncoder().encode(sampleLead()).array();

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
  }

  @Test
  void shouldRejectBytesWithoutHeaderAndUnknownFingerprints() throws Exception {
    assertThatThrownBy(() -> LeadEvent.getDecoder().decode("not avro".getBytes()))
        .isInstanceOf(BadHeaderException.class);

    byte[] otherSchema = PrioritizedLead.getEncoder().encode(prioritized()).array();
    assertThatThrownBy(() -> LeadEvent.getDecoder().decode(otherSchema))
        .isInstanceOf(MissingSchemaException.class);
  }

  private static PrioritizedLead prioritized() {
    return PrioritizedLead.newBuilder()
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
  }
}
