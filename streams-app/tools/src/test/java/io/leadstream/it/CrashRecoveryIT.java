package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.faults.ChildJvm;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.OutcomeLedger;
import io.leadstream.tools.testing.TestFeed;
import io.leadstream.tools.testing.TopicAudit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the app process with SIGKILL in the middle of the stream, starts it again, and checks that
 * exactly-once processing still gives every input exactly one committed outcome: each valid event
 * scored once, each malformed record dead-lettered once, and the hot topic holding exactly the
 * events that entered HOT. The kill must have hit an open transaction, or the test proves nothing:
 * a read_uncommitted reader sees the aborted outputs that read_committed never delivers. The same
 * run with at-least-once processing must fail the check (the negative control).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class CrashRecoveryIT {

  private static final int LEADS = 300;
  private static final int OUTCOMES_BEFORE_KILL = 40;

  @TempDir Path workDir;

  @Test
  void shouldGiveEveryInputExactlyOneOutcomeAcrossAKill9ThatAbortsAnOpenTransaction(
      EmbeddedKafkaBroker broker) throws Exception {
    // one-second transactions, and the kill waits until one is open with outputs already on the
    // broker
    CrashRun run =
        crashRun(
            broker,
            "crash",
            Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                1000));

    run.ledger().assertExactlyOnce(run.feed());
    run.ledger()
        .assertHotTopicHoldsExactlyTheLeadsEnteringHot(
            TopicAudit.leads(TopicAudit.readAll(run.config(), run.config().hotTopic(), true)));
    int committed = TopicAudit.readAll(run.config(), run.config().prioritizedTopic(), true).size();
    int written = TopicAudit.readAll(run.config(), run.config().prioritizedTopic(), false).size();
    assertThat(committed).isEqualTo(run.feed().leads().size());
    assertThat(written)
        .as("outputs of the killed transaction, aborted: in the log, never delivered committed")
        .isGreaterThan(committed);
  }

  @Test
  void shouldGiveEveryInputExactlyOneOutcomeWithBatchedInferenceAcrossAKill9(
      EmbeddedKafkaBroker broker) throws Exception {
    // records held for a batch across commits (the linger is longer than the run): each commit
    // must read them into its transaction, or their offsets are committed without their outputs
    CrashRun run =
        crashRun(
            broker,
            "crash-batched",
            Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                1000,
                LeadStreamConfig.INFERENCE_BATCH_MAX_CONFIG,
                16,
                LeadStreamConfig.INFERENCE_LINGER_MS_CONFIG,
                60_000));

    run.ledger().assertExactlyOnce(run.feed());
    run.ledger()
        .assertHotTopicHoldsExactlyTheLeadsEnteringHot(
            TopicAudit.leads(TopicAudit.readAll(run.config(), run.config().hotTopic(), true)));
  }

  @Test
  void shouldCatchTheDuplicatesOfAtLeastOnceProcessing(EmbeddedKafkaBroker broker)
      throws Exception {
    // no commit before the kill: every output so far is produced again after the restart
    CrashRun run =
        crashRun(
            broker,
            "crash-alos",
            Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.AT_LEAST_ONCE,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                600_000));

    assertThatThrownBy(() -> run.ledger().assertExactlyOnce(run.feed()))
        .as("the exactly-once check must see at-least-once's duplicates")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("duplicate");
  }

  private record CrashRun(LeadStreamConfig config, TestFeed feed, OutcomeLedger ledger) {}

  /**
   * Under exactly-once, waits until a transaction is open with outputs already written: on some
   * partition of the prioritized topic the high watermark is past the last stable offset, and still
   * is, with the same stable offset, 100 ms later. One look alone can catch a commit whose markers
   * are being written (the stable offset not yet moved): the transaction then commits before the
   * kill, nothing is aborted, and the run proves nothing.
   */
  private static void awaitAnOpenTransactionWithOutputs(LeadStreamConfig config) throws Exception {
    try (Admin admin = Admin.create(config.clientProperties())) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(config.prioritizedTopic()))
              .allTopicNames()
              .get()
              .get(config.prioritizedTopic())
              .partitions()
              .stream()
              .map(p -> new TopicPartition(config.prioritizedTopic(), p.partition()))
              .toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        var written =
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all()
                .get();
        var stable =
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        Thread.sleep(100);
        var stableLater =
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        if (partitions.stream()
            .anyMatch(
                p ->
                    written.get(p).offset() > stable.get(p).offset()
                        && stableLater.get(p).offset() == stable.get(p).offset())) {
          return;
        }
      }
      throw new AssertionError("no open transaction with outputs seen within 60 s");
    }
  }

  private CrashRun crashRun(EmbeddedKafkaBroker broker, String name, Map<String, Object> guarantee)
      throws Exception {
    Map<String, Object> extra = new HashMap<>(guarantee);
    extra.put("consumer.session.timeout.ms", 6000);
    extra.put("consumer.heartbeat.interval.ms", 1500);
    Map<String, Object> props =
        IntegrationConfigs.props(broker.bootstrapServers(), name, workDir.resolve(name), extra);
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(LEADS);
    feed.sendAll(config);

    OutcomeLedger ledger = new OutcomeLedger();
    try (OutcomeReader reader = new OutcomeReader(config)) {
      ChildJvm app = IntegrationConfigs.app(name, props, workDir).start();
      try {
        int seen =
            OutcomeWaiter.await(reader, OUTCOMES_BEFORE_KILL, Duration.ofSeconds(120), ledger::add);
        assertThat(seen)
            .as("outcomes before the kill; app log: %s", app.logTail())
            .isGreaterThanOrEqualTo(OUTCOMES_BEFORE_KILL);
        if (StreamsConfig.EXACTLY_ONCE_V2.equals(
            guarantee.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
          awaitAnOpenTransactionWithOutputs(config);
        }
      } finally {
        app.kill();
      }
      assertThat(ledger.size()).as("the kill must land mid-stream").isLessThan(feed.size());

      app.start();
      try {
        ledger.readAll(reader, feed.size() - ledger.size(), Duration.ofSeconds(180));
      } finally {
        app.stop();
      }
    }
    return new CrashRun(config, feed, ledger);
  }
}
