package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.dlq.DeadLetter;
import io.leadstream.app.dlq.RecordPosition;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.models.inference.EditedTokenizers;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OpsClient;
import io.leadstream.tools.testing.TopicAudit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the model fails on, read in the middle of a batch, is dead-lettered as that record: the
 * dead letter carries its own key, value bytes and source offset, not those of the record, tick or
 * commit that drained the batch; the batch's other records are scored, and the pipeline goes on.
 *
 * <p>The failure is a real one, of a defect no load check looks for: the bundle's tokenizer names
 * an unknown token its vocabulary lacks, so it fails on any text with a character it cannot split,
 * while the canary leads still score (UNSCORABLE: the bundle cannot score this record, and the
 * record waits in the dead-letter topic for a fixed bundle and a replay). The events are all in the
 * topic before the app starts, on one partition, so its first poll holds them all and the first
 * batch of 16 is drained by the 16th record: the failing one, the 6th, is not the one whose context
 * the drain runs in.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BatchedDeadLetterIT {

  private static final int LEADS = 40;
  private static final int BATCH = 16;
  private static final int FAILING = 5;

  @TempDir Path dir;

  @Test
  void shouldDeadLetterTheFailingRecordOfABatchWithItsOwnBytesAndOffset(EmbeddedKafkaBroker broker)
      throws Exception {
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    BundleFolders.nameAnUnknownTokenTheVocabularyLacks(bundle);
    Map<String, Object> settings = new HashMap<>(IntegrationConfigs.batchedWithoutLinger(BATCH));
    settings.put(LeadStreamConfig.MODEL_BUNDLE_CONFIG, bundle.toString());
    settings.put(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, 1);
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(), "batched-dlq", dir.resolve("state"), settings);
    TopicCreator.createMissing(config);
    List<LeadEvent> events = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      String lead = String.format("lead-%03d", i);
      LeadEvent.Builder event = TestLeads.hot(lead).setNotes("Budget approved for seat " + i);
      if (i == FAILING) {
        event.setNotes(
            "They sent their logo "
                + EditedTokenizers.CHARACTER_MINILM_CANNOT_SPLIT
                + " and asked about 400 seats.");
      }
      events.add(event.build());
    }
    try (LeadProducer producer = new LeadProducer(config)) {
      events.forEach(producer::send);
      producer.flushAndCount();
    }

    double largestBatch;
    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      int seen = OutcomeWaiter.await(reader, LEADS, Duration.ofSeconds(120), outcome -> {});
      assertThat(seen).as("outcomes").isEqualTo(LEADS);
      largestBatch =
          new OpsClient(app.opsPort().orElseThrow())
              .counterSum("leadstream_inference_batch_texts_max");
    }

    ConsumerRecord<byte[], byte[]> failing =
        TopicAudit.readAll(config, config.rawTopic(), true).get(FAILING);
    List<DeadLetter> dead =
        TopicAudit.readAll(config, config.deadLetterTopic(), true).stream()
            .map(DeadLetter::from)
            .toList();
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.get(0);
    assertThat(letter.reason()).isEqualTo("UNSCORABLE");
    assertThat(letter.detail()).contains("while it scores the canary leads");
    assertThat(letter.source())
        .as("the failing record's own offset")
        .isEqualTo(new RecordPosition(config.rawTopic(), 0, FAILING));
    assertThat(letter.key()).as("its key").isEqualTo(failing.key());
    assertThat(letter.value()).as("its value bytes").isEqualTo(failing.value());
    assertThat(TopicAudit.leads(TopicAudit.readAll(config, config.prioritizedTopic(), true)))
        .extracting(PrioritizedLead::getEventId)
        .hasSize(LEADS - 1)
        .doesNotContain(events.get(FAILING).getEventId());
    assertThat(largestBatch).as("texts read in one call at most").isEqualTo(BATCH);
  }
}
