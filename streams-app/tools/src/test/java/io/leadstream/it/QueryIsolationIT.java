package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OpsClient;
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
 * A lead query answers from committed state only: a lead scored in a transaction still open (its
 * output in the topic for read_uncommitted readers, none for read_committed ones) is not found, as
 * a crash would abort it; once the transaction commits, the query finds it.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class QueryIsolationIT {

  /** Long enough that a lead's transaction is almost always still open when it is queried. */
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(30);

  private static final int ATTEMPTS = 3;

  @TempDir Path stateDir;

  @Test
  void shouldNotFindALeadWhoseTransactionIsOpenAndFindItOnceCommitted(EmbeddedKafkaBroker broker)
      throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "isolation",
            stateDir,
            Map.of(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                (int) COMMIT_INTERVAL.toMillis(),
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) (2 * COMMIT_INTERVAL.toMillis())));
    TopicCreator.createMissing(config);
    try (LeadStreamApp app = LeadStreamApp.start(config);
        LeadProducer producer = new LeadProducer(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      OpsClient ops = new OpsClient(app.opsPort().orElseThrow());
      String leadId = null;
      int statusWhileOpen = -1;
      // a commit may fall between the output's write and the query: then try another lead
      for (int attempt = 1; attempt <= ATTEMPTS && leadId == null; attempt++) {
        String candidate = "lead-" + attempt;
        producer.send(TestLeads.hot(candidate).build());
        producer.flushAndCount();
        awaitWritten(config, candidate);
        int status = ops.status("/leads/" + candidate);
        if (!committed(config, candidate)) {
          leadId = candidate;
          statusWhileOpen = status;
        }
      }
      assertThat(leadId).as("a lead queried while its transaction was open").isNotNull();
      assertThat(statusWhileOpen).as("the query for an uncommitted lead").isEqualTo(404);

      String committedLead = leadId;
      Await.until(
          "the lead's transaction committed",
          COMMIT_INTERVAL.plusSeconds(30),
          () -> committed(config, committedLead));
      Await.until(
          "the committed lead found",
          Duration.ofSeconds(10),
          () -> ops.status("/leads/" + committedLead) == 200);
      assertThat(ops.get("/leads/" + committedLead).body()).contains(committedLead + "-e1");
    }
  }

  private static void awaitWritten(LeadStreamConfig config, String leadId) throws Exception {
    Await.until(
        "the output of " + leadId + " written (read_uncommitted)",
        Duration.ofSeconds(20),
        () -> eventIds(config, false).contains(leadId + "-e1"));
  }

  private static boolean committed(LeadStreamConfig config, String leadId) {
    return eventIds(config, true).contains(leadId + "-e1");
  }

  private static List<String> eventIds(LeadStreamConfig config, boolean readCommitted) {
    return TopicAudit.leads(TopicAudit.readAll(config, config.prioritizedTopic(), readCommitted))
        .stream()
        .map(PrioritizedLead::getEventId)
        .toList();
  }
}
