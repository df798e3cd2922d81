package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Reason;
import io.leadstream.schema.Tier;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline serving a cold-start bundle: zero-shot p(opportunity) from the tiny T5 fixture and
 * text-only scores ({@code classpath:bundles/t5-zero-shot}, from the models test-jar), the bundle
 * {@code demo --model-bundle classpath:bundles/t5-zero-shot} would serve.
 */
class ZeroShotBundleTopologyTest {

  /**
   * What Python's reference model says for this text (models' t5-tiny/reference.json); the
   * fixture's weights are random, so the number means nothing beyond the code path.
   */
  private static final String TEXT = "I am a student writing a thesis about football clubs.";

  private static final double PYTHON_P = 0.4216046736910468;

  private static ActiveModel model;

  @TempDir Path stateDir;

  private final LeadStreamConfig config = new LeadStreamConfig(Map.of());
  private final PipelineMetrics metrics = PipelineMetrics.inMemory();
  private TopologyHarness harness;
  private TestOutputTopic<String, PrioritizedLead> prioritized;
  private TestOutputTopic<String, PrioritizedLead> hot;

  @BeforeAll
  static void loadBundle() {
    model = new ActiveModel(ModelBundle.load("classpath:bundles/t5-zero-shot"));
  }

  @AfterAll
  static void closeBundle() {
    if (model != null) {
      model.close();
    }
  }

  @BeforeEach
  void setUp() {
    harness = new TopologyHarness(config, model, metrics, stateDir);
    prioritized = harness.prioritized();
    hot = harness.hot();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  private void send(LeadEvent lead) {
    harness.send(lead);
  }

  @Test
  void shouldScoreALeadByItsTextAloneAndExplainItWithOneReason() {
    send(TestLeads.junk("lead-1").setNotes(TEXT).setLastMessage(null).build());

    PrioritizedLead lead = prioritized.readValue();
    assertThat(lead.getOpportunityProbability()).isCloseTo(PYTHON_P, within(1e-5));
    assertThat(lead.getScore()).isEqualTo(42);
    assertThat(lead.getTier()).isEqualTo(Tier.HOT);
    assertThat(lead.getReasons())
        .extracting(Reason::getLabel)
        .containsExactly("text reads as mild interest (p=0.42)");
    assertThat(lead.getModelVersion()).isEqualTo("t5-zero-shot-fixture-1");
    assertThat(hot.readValue().getLeadId()).isEqualTo("lead-1");
  }

  @Test
  void shouldGiveALeadWithoutTextTheConfiguredPrior() {
    send(TestLeads.hot("lead-2").setNotes(null).setLastMessage(null).build());

    PrioritizedLead lead = prioritized.readValue();
    assertThat(lead.getOpportunityProbability()).isEqualTo(0.2);
    assertThat(lead.getScore()).isEqualTo(20);
    assertThat(lead.getTier()).isEqualTo(Tier.DISQUALIFIED);
    assertThat(lead.getReasons())
        .extracting(Reason::getLabel)
        .containsExactly("no text to read (prior p=0.20)");
    assertThat(hot.isEmpty()).isTrue();
  }
}
