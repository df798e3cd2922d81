package io.leadstream.app.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.streams.LeadStreamTopology;
import io.leadstream.app.streams.Topics;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The LeadStream topology in a {@link TopologyTestDriver}, with its input and output topics. */
public final class TopologyHarness implements AutoCloseable {

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> raw;
  private final TestOutputTopic<String, PrioritizedLead> prioritized;
  private final TestOutputTopic<String, PrioritizedLead> hot;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestInputTopic<String, byte[]> outcomes;
  private final TestOutputTopic<String, LabelledLead> labelled;
  private final PipelineMetrics metrics;
  private final String rawTopic;
  private final String outcomesTopic;

  /**
   * @param stateDir where the driver keeps its state stores (a test's temporary folder)
   */
  public TopologyHarness(
      LeadStreamConfig config, ActiveModel model, PipelineMetrics metrics, Path stateDir) {
    Properties props = new Properties();
    props.putAll(config.streamsProperties());
    props.put(PipelineMetrics.CONFIG_KEY, metrics);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(LeadStreamTopology.build(config, model, metrics), props);
    this.metrics = metrics;
    Topics topics = Topics.from(config);
    rawTopic = topics.raw().name();
    outcomesTopic = topics.outcomes().name();
    raw =
        driver.createInputTopic(
            topics.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    prioritized =
        driver.createOutputTopic(
            topics.prioritized().name(),
            Serdes.String().deserializer(),
            LeadStreamSerdes.prioritizedLead().deserializer());
    hot =
        driver.createOutputTopic(
            topics.hot().name(),
            Serdes.String().deserializer(),
            LeadStreamSerdes.prioritizedLead().deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters().name(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer());
    outcomes =
        driver.createInputTopic(
            outcomesTopic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    labelled =
        driver.createOutputTopic(
            topics.labelled().name(),
            Serdes.String().deserializer(),
            LeadStreamSerdes.labelledLead().deserializer());
  }

  /** Sends a lead to the raw topic as a producer would: keyed by lead id, single-object encoded. */
  public void send(LeadEvent lead) {
    raw.pipeInput(lead.getLeadId(), LeadStreamSerdes.leadEvent().encode(lead));
  }

  /** Sends an outcome to the outcomes topic as a producer would. */
  public void send(LeadOutcome outcome) {
    outcomes.pipeInput(outcome.getLeadId(), LeadStreamSerdes.leadOutcome().encode(outcome));
  }

  /**
   * Releases the outcome counters: the driver commits after every input record, but only a running
   * app feeds the committed offsets to {@link PipelineMetrics#outcomes()}.
   */
  public void countCommittedOutcomes() {
    metrics.outcomes().committed(new TopicPartition(rawTopic, 0), Long.MAX_VALUE);
    metrics.outcomes().committed(new TopicPartition(outcomesTopic, 0), Long.MAX_VALUE);
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  public TestInputTopic<String, byte[]> raw() {
    return raw;
  }

  public TestOutputTopic<String, PrioritizedLead> prioritized() {
    return prioritized;
  }

  public TestOutputTopic<String, PrioritizedLead> hot() {
    return hot;
  }

  public TestOutputTopic<byte[], byte[]> deadLetters() {
    return deadLetters;
  }

  public TestInputTopic<String, byte[]> outcomes() {
    return outcomes;
  }

  public TestOutputTopic<String, LabelledLead> labelled() {
    return labelled;
  }

  @Override
  public void close() {
    driver.close();
  }
}
