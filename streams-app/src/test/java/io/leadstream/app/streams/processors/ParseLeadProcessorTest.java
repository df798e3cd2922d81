package io.leadstream.app.streams.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.demo.MalformedRecords;
import io.leadstream.app.ops.PipelineMetrics;
import io.leadstream.app.demo.MalformedRecords.RawRecord;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParseLeadProcessorTest {

  private final MockProcessorContext<String, LeadEvent> context = new MockProcessorContext<>();
  private Processor<String, byte[], String, LeadEvent> processor;

  @BeforeEach
  void setUp() {
    processor = ParseLeadProcessor.supplier(16 * 1024, PipelineMetrics.inMemory()).get();
    processor.init(context);
  }

  @Test
  void shouldForwardADecodedValidLead() {
    LeadEvent lead = TestLeads.hot("lead-1").build();

    processor.process(new Record<>("lead-1", LeadSerdes.leadEvent().encode(lead), 0L));

    assertThat(context.forwarded()).singleElement()
        .satisfies(f -> assertThat(f.record().value()).isEqualTo(lead));
  }

  @Test
  void shouldNameWhatIsWrongWithEachMalformedRecord() {
    List<RawRecord> malformed = MalformedRecords.all();

    List<DeadLetterReason> reasons = malformed.stream()
        .map(r -> reasonFor(r.key(), r.value()))
        .toList();

    assertThat(reasons).containsExactly(DeadLetterReason.NOT_AVRO, DeadLetterReason.UNKNOWN_SCHEMA,
        DeadLetterReason.UNDECODABLE, DeadLetterReason.BAD_UTF8, DeadLetterReason.EMPTY_RECORD);
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldRejectATombstone() {
    assertThat(reasonFor("lead-1", null)).isEqualTo(DeadLetterReason.EMPTY_RECORD);
  }

  private DeadLetterReason reasonFor(String key, byte[] value) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> processor.process(new Record<>(key, value, 0L)));
    assertThatThrownBy(() -> { throw thrown; }).isInstanceOf(InvalidLeadException.class);
    return ((InvalidLeadException) thrown).reason();
  }
}
