package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.schema.PrioritizedLead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With batching on and a linger far longer than the test, held records still reach the outputs at
 * the task's commit (the test driver commits after every input): the commit drain is what forwards
 * them. Without it nothing would come out until the linger tick.
 */
class BatchedReadTopologyTest {

  @TempDir Path stateDir;

  private final PipelineMetrics metrics = PipelineMetrics.inMemory();

  @Test
  void shouldForwardHeldRecordsAtTheCommitNotOnlyWhenTheBatchFillsOrLingers() {
    LeadStreamConfig config =
        new LeadStreamConfig(
            Map.of(
                LeadStreamConfig.INFERENCE_BATCH_MAX_CONFIG, 64,
                LeadStreamConfig.INFERENCE_LINGER_MS_CONFIG, 60_000));
    try (TopologyHarness harness =
        new TopologyHarness(config, SharedModel.get(), metrics, stateDir)) {
      harness.send(TestLeads.hot("lead-1").build());
      harness.send(TestLeads.hot("lead-1").setEventId("lead-1-e2").build());
      harness.send(TestLeads.hot("lead-2").build());

      assertThat(harness.prioritized().readValuesToList())
          .extracting(PrioritizedLead::getEventId, PrioritizedLead::getTextInferenceSkipped)
          .containsExactly(
              tuple("lead-1-e1", false), tuple("lead-1-e2", true), tuple("lead-2-e1", false));
      assertThat(metrics.registry().get("leadstream.inference.batch.texts").summary().count())
          .isEqualTo(2);
      harness.driver().advanceWallClockTime(Duration.ofMinutes(2));
      assertThat(harness.prioritized().isEmpty()).as("nothing was held past its commit").isTrue();
    }
  }
}
