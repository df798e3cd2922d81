package io.leadstream.it;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end test on a Kafka broker in a container (the official apache/kafka image). Skipped
 * where no Docker engine runs; {@link LeadStreamEndToEndIT} covers the same on the in-process
 * broker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerizedEndToEndIT {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.4.0");

  @TempDir Path stateDir;

  @Test
  void shouldGiveEveryInputExactlyOneOutcome() throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(KAFKA.getBootstrapServers(), "containers", stateDir, Map.of());
    TestFeed feed = TestFeed.of(90);

    OutcomeLedger ledger = InProcessRun.outcomesOf(feed, config);

    ledger.assertExactlyOnce(feed);
  }
}
