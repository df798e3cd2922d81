package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.TopicAudit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone record held for a batch that will not fill is read once it has waited the linger, not only
 * at the next commit: its output is in the topic (read_uncommitted, in the open transaction) while
 * nothing is committed yet, the commit being a minute away.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LingerDrainIT {

  private static final Duration LINGER = Duration.ofMillis(300);

  @TempDir Path stateDir;

  @Test
  void shouldReadAHeldRecordOnceItHasWaitedTheLingerBeforeAnyCommit(EmbeddedKafkaBroker broker)
      throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "linger",
            stateDir,
            Map.of(
                LeadStreamConfig.INFERENCE_BATCH_MAX_CONFIG,
                64,
                LeadStreamConfig.INFERENCE_LINGER_MS_CONFIG,
                LINGER.toMillis(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                60_000,
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                120_000));
    TopicCreator.createMissing(config);
    try (LeadStreamApp app = LeadStreamApp.start(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      try (LeadProducer producer = new LeadProducer(config)) {
        producer.send(TestLeads.hot("lead-1").build());
        producer.flushAndCount();
      }
      List<PrioritizedLead> written = List.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (written.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        written = TopicAudit.leads(TopicAudit.readAll(config, config.prioritizedTopic(), false));
      }
      List<PrioritizedLead> committed =
          TopicAudit.leads(TopicAudit.readAll(config, config.prioritizedTopic(), true));

      assertThat(written)
          .as("written within 20 s of a %d ms linger", LINGER.toMillis())
          .extracting(PrioritizedLead::getEventId)
          .containsExactly("lead-1-e1");
      assertThat(committed).as("nothing committed yet: the linger drained it").isEmpty();
    }
  }
}
