package io.leadstream.app.streams.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.serde.JsonLeadDecoder;
import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParseLeadProcessorTest {

  private static final int RECORD_MAX_BYTES = 64 * 1024;

  /** Stands in for a string's bytes in an encoded lead, so that a test can corrupt exactly them. */
  private static final String MARKER = "@@MARK@@";

  private final MockProcessorContext<String, LeadEvent> context = new MockProcessorContext<>();
  private Processor<byte[], byte[], String, LeadEvent> processor;

  @BeforeEach
  void setUp() {
    processor =
        ParseLeadProcessor.supplier(
                RECORD_MAX_BYTES, 16 * 1024, List.of(), PipelineMetrics.inMemory())
            .get();
    processor.init(context);
  }

  @Test
  void shouldForwardADecodedValidLeadKeyedByItsLeadId() {
    LeadEvent lead = TestLeads.hot("lead-1").build();

    processor.process(new Record<>(utf8("lead-1"), LeadStreamSerdes.leadEvent().encode(lead), 0L));

    assertThat(context.forwarded())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.record().key()).isEqualTo("lead-1");
              assertThat(f.record().value()).isEqualTo(lead);
            });
  }

  @Test
  void shouldRejectATombstone() {
    assertThat(rejection(utf8("lead-1"), null).reason()).isEqualTo(DeadLetterReason.EMPTY_RECORD);
  }

  @Test
  void shouldRejectInvalidUtf8InTheLeadIdInsteadOfMergingLeads() {
    byte[] value =
        corrupt(
            LeadStreamSerdes.leadEvent().encode(TestLeads.junk(MARKER).setEventId("e-1").build()));

    InvalidLeadException rejected = rejection(null, value);

    assertThat(rejected.reason()).isEqualTo(DeadLetterReason.BAD_UTF8);
    assertThat(rejected.getMessage()).isEqualTo("leadId is not valid UTF-8");
  }

  @Test
  void shouldRejectInvalidUtf8InTheEventIdAndNestedFieldsNamingTheField() {
    LeadEvent byEventId = TestLeads.junk("lead-1").setEventId(MARKER).build();
    LeadEvent byCompanyName = TestLeads.hot("lead-1").build();
    byCompanyName.getCompany().setName(MARKER);
    LeadEvent byAttributeKey =
        TestLeads.junk("lead-1").setAttributes(Map.of(MARKER, "north")).build();
    LeadEvent byAttributeValue =
        TestLeads.junk("lead-1").setAttributes(Map.of("region", MARKER)).build();

    assertThat(List.of(byEventId, byCompanyName, byAttributeKey, byAttributeValue))
        .extracting(
            lead ->
                rejection(utf8("lead-1"), corrupt(LeadStreamSerdes.leadEvent().encode(lead)))
                    .getMessage())
        .containsExactly(
            "eventId is not valid UTF-8",
            "company.name is not valid UTF-8",
            "attributes.<key> is not valid UTF-8",
            "attributes is not valid UTF-8");
  }

  @Test
  void shouldRejectAKeyThatIsNotValidUtf8() {
    byte[] value = LeadStreamSerdes.leadEvent().encode(TestLeads.junk("lead-1").build());
    byte[] key = {'l', 'e', 'a', 'd', (byte) 0xC3, '1'};

    InvalidLeadException rejected = rejection(key, value);

    assertThat(rejected.reason()).isEqualTo(DeadLetterReason.BAD_UTF8);
    assertThat(rejected.getMessage()).isEqualTo("record key is not valid UTF-8");
  }

  @Test
  void shouldAcceptACorrectlyEncodedReplacementCharacterInText() {
    LeadEvent lead =
        TestLeads.junk("lead-1").setNotes("copied from a broken export: \uFFFD").build();

    processor.process(new Record<>(utf8("lead-1"), LeadStreamSerdes.leadEvent().encode(lead), 0L));

    assertThat(context.forwarded())
        .singleElement()
        .satisfies(f -> assertThat(f.record().value().getNotes()).endsWith("\uFFFD"));
  }

  @Test
  void shouldRejectBytesAfterTheEndOfTheRecord() {
    byte[] valid = LeadStreamSerdes.leadEvent().encode(TestLeads.junk("lead-1").build());
    byte[] withTrailing = Arrays.copyOf(valid, valid.length + 3);

    InvalidLeadException rejected = rejection(utf8("lead-1"), withTrailing);

    assertThat(rejected.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
    assertThat(rejected.getMessage()).contains("3 bytes after the end of the LeadEvent record");
  }

  @Test
  void shouldNameTheCauseOfAnUndecodableRecord() {
    byte[] valid = LeadStreamSerdes.leadEvent().encode(TestLeads.junk("lead-1").build());

    InvalidLeadException truncated =
        rejection(utf8("lead-1"), Arrays.copyOf(valid, valid.length / 2));

    assertThat(truncated.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
    assertThat(truncated.getMessage()).contains("truncated").doesNotContain("AvroRuntimeException");
  }

  @Test
  void shouldRejectARecordOverTheSizeCapBeforeDecodingIt() {
    byte[] huge = new byte[RECORD_MAX_BYTES + 1];

    InvalidLeadException rejected = rejection(utf8("lead-1"), huge);

    assertThat(rejected.reason()).isEqualTo(DeadLetterReason.RECORD_TOO_LARGE);
    assertThat(rejected.getMessage()).contains((RECORD_MAX_BYTES + 7) + " bytes");
  }

  @Test
  void shouldGiveAJsonEventItsRecordPositionAsIdAndCheckItAsAnAvroOne() {
    MockProcessorContext<String, LeadEvent> jsonContext = new MockProcessorContext<>();
    JsonEventConverter converter =
        new JsonEventConverter(LeadMapping.load(HubSpotExample.mapping()));
    Processor<byte[], byte[], String, LeadEvent> json =
        ParseLeadProcessor.supplier(
                RECORD_MAX_BYTES,
                16 * 1024,
                () -> new JsonLeadDecoder(converter),
                PipelineMetrics.inMemory())
            .get();
    json.init(jsonContext);
    jsonContext.setRecordMetadata("crm.events", 2, 41L);
    byte[] event = utf8(HubSpotExample.event(77, ", \"purchase_intent\": 4"));

    json.process(new Record<>(utf8("77"), event, 1_700_000_000_000L));
    InvalidLeadException mismatch =
        catchThrowableOfType(
            InvalidLeadException.class, () -> json.process(new Record<>(utf8("78"), event, 0L)));
    InvalidLeadException tooLarge =
        catchThrowableOfType(
            InvalidLeadException.class,
            () -> json.process(new Record<>(utf8("77"), new byte[RECORD_MAX_BYTES], 0L)));

    LeadEvent forwarded = jsonContext.forwarded().get(0).record().value();
    assertThat(forwarded.getEventId()).isEqualTo("crm.events-2@41");
    assertThat(forwarded.getLeadId()).isEqualTo("77");
    assertThat(forwarded.getPurchaseIntent()).isEqualTo(4);
    assertThat(jsonContext.forwarded()).hasSize(1);
    assertThat(mismatch.reason()).isEqualTo(DeadLetterReason.KEY_MISMATCH);
    assertThat(tooLarge.reason()).isEqualTo(DeadLetterReason.RECORD_TOO_LARGE);
  }

  private InvalidLeadException rejection(byte[] key, byte[] value) {
    InvalidLeadException thrown =
        catchThrowableOfType(
            InvalidLeadException.class, () -> processor.process(new Record<>(key, value, 0L)));
    assertThat(thrown).as("the record must be rejected").isNotNull();
    return thrown;
  }

  /** Replaces the marker's first bytes with a lead byte followed by ASCII: not valid UTF-8. */
  private static byte[] corrupt(byte[] encoded) {
    byte[] marker = utf8(MARKER);
    for (int i = 0; i + marker.length <= encoded.length; i++) {
      if (Arrays.equals(encoded, i, i + marker.length, marker, 0, marker.length)) {
        encoded[i] = (byte) 0xC3;
        return encoded;
      }
    }
    throw new IllegalStateException("marker not found");
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }
}
