package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.TestFeed;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lag` reports the group's backlog before processing and none after, with an alerting exit code.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LagCommandIT {

  @TempDir Path stateDir;

  @Test
  void shouldReportTheBacklogAndClearItOnceProcessed(EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> props =
        IntegrationConfigs.props(broker.bootstrapServers(), "lag", stateDir, Map.of());
    LeadStreamConfig config = new LeadStreamConfig(props);
    TestFeed feed = TestFeed.of(12);
    io.leadstream.app.runtime.TopicCreator.createMissing(config);
    feed.sendAll(config);

    StringWriter before = new StringWriter();
    int exitBefore = lag(props, before, "--json", "--max-lag", "0");

    assertThat(exitBefore).isEqualTo(3);
    JsonNode partitions = new ObjectMapper().readTree(before.toString());
    assertThat(partitions).hasSize(3);
    long total = 0;
    for (JsonNode partition : partitions) {
      assertThat(partition.get("committed").asLong()).isEqualTo(-1);
      total += partition.get("lag").asLong();
      if (partition.get("lag").asLong() > 0) {
        assertThat(partition.get("timeLagMs").asLong()).isPositive();
      }
    }
    assertThat(total).isEqualTo(feed.size());

    InProcessRun.process(feed, config).assertExactlyOnce(feed);

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
