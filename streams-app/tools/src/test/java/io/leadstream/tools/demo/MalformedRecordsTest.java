package io.leadstream.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.demo.MalformedRecords.RawRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's malformed records are each dead-lettered for their own reason, with their bytes. */
class MalformedRecordsTest {

  @TempDir Path stateDir;

  @Test
  void shouldDeadLetterEachMalformedRecordForItsOwnReasonWithItsOriginalBytes() {
    List<RawRecord> malformed = MalformedRecords.singleObject();
    try (TopologyHarness harness =
        new TopologyHarness(
            new LeadStreamConfig(Map.of()),
            SharedModel.get(),
            PipelineMetrics.inMemory(),
            stateDir)) {
      malformed.forEach(r -> harness.raw().pipeInput(r.key(), r.value()));
      harness.send(TestLeads.hot("lead-ok").build());

      List<TestRecord<byte[], byte[]>> dead = harness.deadLetters().readRecordsToList();
      assertThat(dead)
          .extracting(r -> header(r, DeadLetterHeaders.REASON))
          .containsExactly("NOT_AVRO", "UNKNOWN_SCHEMA", "UNDECODABLE", "BAD_UTF8", "EMPTY_RECORD");
      for (int i = 0; i < malformed.size(); i++) {
        assertThat(dead.get(i).value())
            .as(malformed.get(i).what())
            .isEqualTo(malformed.get(i).value());
        assertThat(dead.get(i).key())
            .isEqualTo(malformed.get(i).key().getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.get(i), DeadLetterHeaders.DETAIL)).isNotBlank();
      }
      assertThat(harness.prioritized().readValuesToList())
          .extracting(PrioritizedLead::getLeadId)
          .containsExactly("lead-ok");
    }
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
