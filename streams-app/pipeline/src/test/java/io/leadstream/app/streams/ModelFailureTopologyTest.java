package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.models.bundle.ModelBundle;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that fails on everything stops the task and dead-letters nothing. */
class ModelFailureTopologyTest {

  @TempDir Path dir;

  private final LeadStreamConfig config = new LeadStreamConfig(Map.of());
  private final PipelineMetrics metrics = PipelineMetrics.inMemory();

  @Test
  void shouldStopInsteadOfDeadLetteringWhenTheModelIsBroken() {
    ModelBundle bundle =
        ModelBundle.load(BundleFolders.copyShipped("default", dir.resolve("bundle")));
    try (ActiveModel model = new ActiveModel(bundle);
        TopologyHarness harness =
            new TopologyHarness(config, model, metrics, dir.resolve("state"))) {
      harness.send(TestLeads.hot("lead-before").build());
      bundle.close(); // the encoder's native session is gone: nothing can be scored any more

      Throwable failure = catchThrowable(() -> harness.send(TestLeads.hot("lead-after").build()));

      assertThat(failure).as("the task must fail").isNotNull();
      assertThat(failure).hasStackTraceContaining("fails on the canary leads too");
      assertThat(harness.prioritized().readValuesToList())
          .extracting(lead -> lead.getLeadId())
          .containsExactly("lead-before");
      assertThat(harness.deadLetters().isEmpty())
          .as("a broken model must not dead-letter records")
          .isTrue();
    }
  }
}
