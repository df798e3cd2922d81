package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.LabelledTail;
import io.leadstream.app.evaluation.LatestLabels;
import io.leadstream.app.evaluation.TestLabelledLeads;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.Await;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The tail of leads.labelled outlives a failure: started before the topic exists, it logs, tries
 * again, then reads the topic from its beginning and goes on reading what is written later.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LabelledTailIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @TempDir Path stateDir;

  @Test
  void shouldTryAgainAfterAFailureAndKeepReading(EmbeddedKafkaBroker broker) throws Exception {
    LeadStreamConfig config =
        IntegrationConfigs.forRun(broker.bootstrapServers(), "tail", stateDir, Map.of());
    Logger logger = (Logger) LoggerFactory.getLogger(LabelledTail.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    LatestLabels latest = new LatestLabels();
    try (LabelledTail tail = LabelledTail.start(config, latest, new SimpleMeterRegistry())) {
      Await.until(
          "the failure logged",
          Duration.ofSeconds(30),
          () ->
              captured.list.stream()
                  .anyMatch(e -> e.getFormattedMessage().contains("does not exist; trying again")));
      assertThat(tail.caughtUp()).isFalse();

      TopicCreator.createMissing(config);
      LabelledLead kept = lead("lead-a", 1);
      send(config, List.of(kept, lead("lead-b", 0)));
      tombstone(config, "lead-b");
      Await.until(
          "the topic read after the retry",
          Duration.ofSeconds(30),
          () -> tail.caughtUp() && latest.leads().equals(List.of(kept)));

      LabelledLead later = lead("lead-c", 0);
      send(config, List.of(later));
      Await.until(
          "a record written later read",
          Duration.ofSeconds(30),
          () -> latest.leads().equals(List.of(kept, later)));
    } finally {
      logger.detachAppender(captured);
    }
  }

  private static LabelledLead lead(String leadId, int label) {
    return TestLabelledLeads.scored(leadId, "v1", 50, Tier.WARM, label, NOW);
  }

  private static void send(LeadStreamConfig config, List<LabelledLead> leads) {
    try (Serializer<LabelledLead> serializer = LeadStreamSerdes.labelledLead().serializer()) {
      OutcomeLabelsIT.sendLabelled(config, serializer, leads);
    }
  }

  private static void tombstone(LeadStreamConfig config, String leadId) throws Exception {
    try (KafkaProducer<String, byte[]> producer = OutcomeLabelsIT.producer(config)) {
      producer.send(new ProducerRecord<>(config.labelledTopic(), leadId, null)).get();
    }
  }
}
