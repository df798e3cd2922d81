package io.leadstream.app;

import io.leadstream.app.broker.EmbeddedKafkaBroker;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.observe.OutcomeReader;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.EmbeddedKafkaExtension;
import io.leadstream.app.testing.OutcomeLedger;
import io.leadstream.app.testing.TestFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole app against a real in-process broker: every input has exactly one committed outcome. */
@ExtendWith(EmbeddedKafkaExtension.class)
class LeadStreamEndToEndIT {

  @TempDir Path stateDir;

  @Test
  void shouldGiveEveryInputExactlyOneOutcome(EmbeddedKafkaBroker broker) throws Exception {
    LeadStreamConfig config = IntegrationConfigs.forRun(broker.bootstrapServers(), "e2e", stateDir, Map.of());
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(90);
    feed.sendAll(config);

    OutcomeLedger ledger = new OutcomeLedger();
    try (LeadStreamApp app = LeadStreamApp.start(config);
         OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      ledger.readAll(reader, feed.size(), Duration.ofSeconds(120));
    }

    ledger.assertExactlyOnce(feed);
  }
}
