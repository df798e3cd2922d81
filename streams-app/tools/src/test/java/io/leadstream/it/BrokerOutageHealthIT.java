package io.leadstream.it;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.embedded.FreePorts;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.OpsClient;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the broker is down, readiness says so (Kafka Streams itself stays RUNNING and only logs
 * warnings), and it turns green again once the broker is back: on a broker of the test's own,
 * stopped and started again on the same ports and data.
 */
class BrokerOutageHealthIT {

  @TempDir Path dir;

  @Test
  void shouldTurnReadinessRedWhileTheBrokerIsDownAndGreenWhenItIsBack() throws Exception {
    int[] ports = FreePorts.distinct(2);
    int port = ports[0];
    int controllerPort = ports[1];
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.startPersistent(dir.resolve("broker"), port, controllerPort);
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "outage",
            dir.resolve("state"),
            Map.of(LeadStreamConfig.HEALTH_PROBE_INTERVAL_CONFIG, 500));
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(20);
    feed.sendAll(config);
    try (LeadStreamApp app = LeadStreamApp.start(config)) {
      OpsClient ops = new OpsClient(app.opsPort().orElseThrow());
      try (OutcomeReader reader = new OutcomeReader(config)) {
        new OutcomeLedger()
            .readAll(reader, feed.size(), Duration.ofSeconds(120))
            .assertExactlyOnce(feed);
      }
      Await.until(
          "ready with the broker up",
          Duration.ofSeconds(30),
          () -> ops.status("/health/ready") == 200);

      broker.close();
      Await.until(
          "readiness red naming the broker",
          Duration.ofSeconds(30),
          () -> {
            var ready = ops.get("/health/ready");
            return ready.statusCode() == 503
                && ready.body().contains("\"broker\":{\"status\":\"DOWN\"");
          });

      broker = EmbeddedKafkaBroker.startPersistent(dir.resolve("broker"), port, controllerPort);
      Await.until(
          "ready again once the broker is back",
          Duration.ofSeconds(60),
          () -> ops.status("/health/ready") == 200);
    } finally {
      broker.close();
    }
  }
}
