package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.processors.ReadTextProcessor;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.faults.Launcher;
import io.leadstream.tools.state.StateCost;
import io.leadstream.tools.state.StateCostResult;
import io.leadstream.tools.state.StateCostResult.StoreCost;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.TopicAudit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `state-cost` at a small scale: the state it builds is the pipeline's (one track record and one
 * history entry per event, each lead's events kept), the pipeline restores exactly what the
 * changelogs hold, and the bytes it reports agree with the records in them.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StateCostIT {

  private static final int LEADS = 2_000;
  private static final int EVENTS_PER_LEAD = 3;
  private static final int LIVE_EVENTS = 100;

  /** Kafka's record batch v2: at most this many bytes a record beyond its key and value. */
  private static final int MAX_RECORD_OVERHEAD = 80;

  @TempDir Path work;

  @Test
  void shouldRestoreExactlyTheRecordsTheStateWasBuiltWith(EmbeddedKafkaBroker broker)
      throws Exception {
    // changelogs as written (LeadStream's default compresses them), so that their bytes can be
    // checked against their records' own
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "state-cost",
            work,
            Map.of(StreamsConfig.topicPrefix(TopicConfig.COMPRESSION_TYPE_CONFIG), "uncompressed"));

    StateCostResult result =
        StateCost.measure(
            config,
            work,
            LEADS,
            EVENTS_PER_LEAD,
            20,
            5,
            LIVE_EVENTS,
            new Launcher(IntegrationConfigs.testClassPath(), LeadStreamCli.class.getName()),
            (stage, done, total) -> {});

    assertThat(result.events()).isEqualTo((long) LEADS * EVENTS_PER_LEAD);
    for (String name : List.of(TrackLeadProcessor.STORE, LeadHistory.STORE)) {
      StoreCost store = result.store(name);
      // every event writes once to each store, and the history keeps all three of a lead's
      assertThat(store.changelogRecords()).as(name).isEqualTo(result.events());
      assertThat(store.restoredRecords()).as(name).isEqualTo(store.changelogRecords());
      List<ConsumerRecord<byte[], byte[]>> records = filledChangelog(config, name);
      assertThat(records).as(name).hasSize((int) store.changelogRecords());
      long keysAndValues =
          records.stream().mapToLong(r -> r.key().length + (long) r.value().length).sum();
      assertThat(store.changelogBytes())
          .as(name)
          .isBetween(keysAndValues, keysAndValues + MAX_RECORD_OVERHEAD * records.size());
      assertThat(store.diskBytes()).as(name).isPositive();
      assertThat(store.restoreSeconds()).as(name).isPositive();
    }
    assertThat(result.store(ReadTextProcessor.STORE).changelogBytes()).isZero();
    Map<String, Long> historyPerLead =
        filledChangelog(config, LeadHistory.STORE).stream()
            .collect(Collectors.groupingBy(r -> leadIdOf(r.key()), Collectors.counting()));
    assertThat(historyPerLead).hasSize(LEADS);
    assertThat(historyPerLead.values()).containsOnly((long) EVENTS_PER_LEAD);
    Map<String, Long> tracksPerLead =
        filledChangelog(config, TrackLeadProcessor.STORE).stream()
            .collect(
                Collectors.groupingBy(
                    r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
    assertThat(tracksPerLead).hasSize(LEADS);
    assertThat(result.restoreSeconds()).isPositive();
    // after the kill, at most every record the changelogs then held, the live events' included
    long afterKillAtMost = result.events() + LIVE_EVENTS;
    assertThat(result.afterKill().liveEvents()).isEqualTo(LIVE_EVENTS);
    assertThat(result.afterKill().trackRestored()).isLessThanOrEqualTo(afterKillAtMost);
    assertThat(result.afterKill().historyRestored()).isLessThanOrEqualTo(afterKillAtMost);
    assertThat(result.afterKill().readySeconds()).isPositive();
  }

  @Test
  void shouldPrintOneRowPerLoggedStoreAndSayTheTextMemoHasNoChangelog() {
    StringWriter out = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));

    int code = cli.execute("state-cost", "--leads", "200", "--samples", "5", "--live-events", "20");

    assertThat(code).as(out.toString()).isZero();
    Function<String, Long> rows =
        store -> out.toString().lines().filter(line -> line.contains(store)).count();
    assertThat(rows.apply("       200        600  " + TrackLeadProcessor.STORE)).isEqualTo(1);
    assertThat(rows.apply("       200        600  " + LeadHistory.STORE)).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern(ReadTextProcessor.STORE + " +in-memory LRU cache, no changelog");
    assertThat(out.toString()).contains("after a kill -9 of the pipeline running on this state");
  }

  /**
   * The store's changelog without the writes of the live leads scored before the kill (their ids
   * start with {@code live-}).
   */
  private static List<ConsumerRecord<byte[], byte[]>> filledChangelog(
      LeadStreamConfig config, String store) {
    return TopicAudit.readAll(config, config.applicationId() + "-" + store + "-changelog", false)
        .stream()
        .filter(
            r ->
                !(store.equals(LeadHistory.STORE)
                        ? leadIdOf(r.key())
                        : new String(r.key(), StandardCharsets.UTF_8))
                    .startsWith("live-"))
        .toList();
  }

  /** The lead id at the head of a history key: its length, then its bytes. */
  private static String leadIdOf(byte[] key) {
    ByteBuffer buffer = ByteBuffer.wrap(key);
    byte[] id = new byte[buffer.getInt()];
    buffer.get(id);
    return new String(id, StandardCharsets.UTF_8);
  }
}
