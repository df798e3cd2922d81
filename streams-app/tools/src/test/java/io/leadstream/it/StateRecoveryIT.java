package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.faults.ChildJvm;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restart after a kill -9 under exactly-once restores. With LeadStream's defaults (Kafka
 * 4.4's transactional state stores on) a store keeps what its memtables had flushed and only the
 * changelogs' tail is restored; with them off, as in Streams' defaults, Streams wipes a task's
 * stores after the unclean shutdown and restores them from the start of their changelogs. Either
 * way the app carries on from the lead's state: a follow-up gets the lead's previous score.
 * Memtables of 64 KiB ({@link SmallMemtables}) make the run's few megabytes flush as a production
 * store's gigabytes do.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StateRecoveryIT {

  /** 4,200 leads, three events each, on one partition: 25,200 changelog records in one task. */
  private static final int EVENTS = 12_600;

  private static final Pattern RESTORING =
      Pattern.compile("Restoring (\\S+) from \\S+ offsets (\\d+) to (\\d+)");

  @TempDir Path workDir;

  @Test
  void shouldRestoreOnlyTheChangelogsTailAfterAKill9WithTheDefaults(EmbeddedKafkaBroker broker)
      throws Exception {
    Recovery recovery = killAndRestart(broker, "state-kept", Map.of());

    assertThat(recovery.followUp().getPreviousScore())
        .as("the follow-up of a lead scored before the kill knows its previous score")
        .isNotNull();
    long toRestore = recovery.restores().stream().mapToLong(Restore::records).sum();
    assertThat(toRestore)
        .as(
            "records restored after the kill, of %d in the changelogs; restores %s; log: %s",
            2L * EVENTS, recovery.restores(), recovery.log())
        .isLessThan(EVENTS);
    assertThat(recovery.restores())
        .as("every restore starts past the changelog's start")
        .allSatisfy(restore -> assertThat(restore.from()).isPositive());
  }

  @Test
  void shouldWipeAndRestoreEveryRecordAfterAKill9WithoutTransactionalStateStores(
      EmbeddedKafkaBroker broker) throws Exception {
    Recovery recovery =
        killAndRestart(
            broker, "state-wiped", Map.of(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, false));

    assertThat(recovery.followUp().getPreviousScore()).isNotNull();
    // offsets count the transactions' commit markers too: a changelog's end lies past its records
    assertThat(recovery.restores())
        .as("both stores restored from the changelog's start; log: %s", recovery.log())
        .extracting(Restore::store)
        .containsExactlyInAnyOrder(TrackLeadProcessor.STORE, LeadHistory.STORE);
    assertThat(recovery.restores())
        .allSatisfy(
            restore -> {
              assertThat(restore.from()).isZero();
              assertThat(restore.records()).isGreaterThanOrEqualTo(EVENTS);
            });
  }

  private record Restore(String store, long from, long records) {}

  private record Recovery(PrioritizedLead followUp, List<Restore> restores, String log) {}

  private Recovery killAndRestart(
      EmbeddedKafkaBroker broker, String name, Map<String, Object> settings) throws Exception {
    Map<String, Object> extra = new HashMap<>(settings);
    extra.put(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, 1);
    extra.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, SmallMemtables.class.getName());
    Map<String, Object> props =
        IntegrationConfigs.props(broker.bootstrapServers(), name, workDir.resolve(name), extra);
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.valid(EVENTS, "kept-").withoutTexts();
    feed.sendAll(config);

    try (OutcomeReader reader = new OutcomeReader(config)) {
      ChildJvm app = IntegrationConfigs.app(name, props, workDir).start();
      try {
        int seen = OutcomeWaiter.await(reader, EVENTS, Duration.ofSeconds(180), outcome -> {});
        assertThat(seen).as("outcomes before the kill; log: %s", app.logTail()).isEqualTo(EVENTS);
      } finally {
        app.kill();
      }

      LeadEvent before = feed.leads().get(0);
      LeadEvent followUp =
          LeadEvent.newBuilder(before)
              .setEventId(before.getLeadId() + "-after-the-kill")
              .setOccurredAt(before.getOccurredAt().plusSeconds(60))
              .build();
      new TestFeed(List.of(followUp), List.of()).sendAll(config);
      app.start();
      try {
        List<PrioritizedLead> scored = new ArrayList<>();
        OutcomeWaiter.await(
            reader,
            1,
            Duration.ofSeconds(120),
            outcome -> scored.add(((Outcome.Scored) outcome).lead()));
        assertThat(scored)
            .as("the follow-up, scored after the restart; log: %s", app.logTail())
            .extracting(PrioritizedLead::getEventId)
            .containsExactly(followUp.getEventId());
        return new Recovery(scored.get(0), restores(app.log()), app.logTail());
      } finally {
        app.stop();
      }
    }
  }

  /**
   * The restores the app logged ({@code RestoreLog}): store, first offset, and the offsets to
   * restore (records and commit markers).
   */
  private static List<Restore> restores(String log) {
    List<Restore> restores = new ArrayList<>();
    Matcher line = RESTORING.matcher(log);
    while (line.find()) {
      long from = Long.parseLong(line.group(2));
      restores.add(new Restore(line.group(1), from, Long.parseLong(line.group(3)) - from));
    }
    return restores;
  }
}
