package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.schema.OutcomeType;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.OutcomeProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lag` reports the group's backlog on both topics it consumes (raw leads and outcomes) before
 * processing and none after, with an alerting exit code.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LagCommandIT {

  private static final int OUTCOMES = 4;

  @TempDir Path stateDir;

  @Test
  void shouldReportTheBacklogAndClearItOnceProcessed(EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> props =
        IntegrationConfigs.props(broker.bootstrapServers(), "lag", stateDir, Map.of());
    LeadStreamConfig config = new LeadStreamConfig(props);
    TestFeed feed = TestFeed.of(12);
    StringWriter missing = new StringWriter();
    assertThat(IntegrationConfigs.execute("lag", props, new StringWriter(), missing)).isEqualTo(1);
    assertThat(missing.toString())
        .contains("topic " + config.rawTopic() + " does not exist", "leadstream topics");
    TopicCreator.createMissing(config);
    try (OutcomeProducer outcomes = new OutcomeProducer(config)) {
      for (int i = 0; i < OUTCOMES; i++) {
        outcomes.send(OutcomeLabelsIT.outcome("lead-" + i, "o-" + i, OutcomeType.WON));
      }
      outcomes.flushAndCount();
    }
    feed.sendAll(config);

    StringWriter before = new StringWriter();
    int exitBefore = lag(props, before, "--json", "--max-lag", "0");

    assertThat(exitBefore).isEqualTo(3);
    JsonNode partitions = new ObjectMapper().readTree(before.toString());
    assertThat(partitions).hasSize(6);
    Map<String, Long> lagByTopic = new HashMap<>();
    for (JsonNode partition : partitions) {
      assertThat(partition.get("committed").asLong()).isEqualTo(-1);
      lagByTopic.merge(partition.get("topic").asText(), partition.get("lag").asLong(), Long::sum);
      if (partition.get("lag").asLong() > 0) {
        assertThat(partition.get("timeLagMs").asLong()).isPositive();
      }
    }
    assertThat(lagByTopic)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(config.rawTopic(), (long) feed.size(), config.outcomesTopic(), (long) OUTCOMES));

    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      new OutcomeLedger()
          .readAll(reader, feed.size(), Duration.ofSeconds(120))
          .assertExactlyOnce(feed);
      Await.until(
          "the outcomes committed too",
          Duration.ofSeconds(60),
          () -> lag(props, new StringWriter(), "--max-lag", "0") == 0);
    }

    StringWriter after = new StringWriter();
    int exitAfter = lag(props, after, "--max-lag", "0");
    assertThat(exitAfter).isZero();
    assertThat(after.toString())
        .contains("consumer group leadstream-lag")
        .containsPattern("total\\s+0\\s+0\\.0 s");
  }

  private static int lag(Map<String, Object> props, StringWriter out, String... options) {
    return IntegrationConfigs.execute("lag", props, out, options);
  }
}
