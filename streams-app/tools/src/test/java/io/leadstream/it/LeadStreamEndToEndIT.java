package io.leadstream.it;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole app against a real in-process broker: every input has exactly one committed outcome.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LeadStreamEndToEndIT {

  @TempDir Path stateDir;

  @Test
  void shouldGiveEveryInputExactlyOneOutcome(EmbeddedKafkaBroker broker) throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(broker.bootstrapServers(), "e2e", stateDir, Map.of());
    TestFeed feed = TestFeed.of(90);

    OutcomeLedger ledger = InProcessRun.outcomesOf(feed, config);

    ledger.assertExactlyOnce(feed);
  }
}
