package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.dlq.DeadLetter;
import io.leadstream.app.dlq.DeadLetterReader;
import io.leadstream.app.dlq.DeadLetterReplayer;
import io.leadstream.app.dlq.RecordPosition;
import io.leadstream.app.dlq.ReplayLedger;
import io.leadstream.app.dlq.ReplayTarget;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.demo.MalformedRecords;
import io.leadstream.tools.demo.MalformedRecords.RawRecord;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.HandlerDeadLetters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `dlq replay` sends chosen dead letters back to the raw topic with their original key and bytes,
 * once: a second run, a crash mid-transaction and the running app's own dead letters included.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class DlqReplayCommandIT {

  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

  @TempDir Path stateDir;

  @Test
  void shouldReplayTheChosenDeadLettersOnceWithTheirOriginalKeyAndBytes(EmbeddedKafkaBroker broker)
      throws Exception {
    Map<String, Object> props = props(broker, "replay-once");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    List<ProducerRecord<byte[], byte[]>> deadLetters =
        List.of(
            deadLetter(config, 0, 10, "lead-a", DeadLetterReason.NOT_AVRO, T0),
            deadLetter(config, 1, 11, "lead-b", DeadLetterReason.INVALID_FIELD, T0),
            deadLetter(config, 2, 12, "lead-c", DeadLetterReason.NOT_AVRO, T0),
            deadLetter(config, 0, 13, "lead-d", DeadLetterReason.BAD_UTF8, T0));
    HandlerDeadLetters.send(broker.bootstrapServers(), deadLetters);

    Run first = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .containsPattern("dead letters read\\s+4")
        .containsPattern("chosen\\s+2")
        .containsPattern("sent\\s+2  to replay-once.leads.raw")
        .containsPattern("already replayed\\s+0");
    List<ConsumerRecord<byte[], byte[]>> replays =
        replays(readAll(broker, config.rawTopic(), "read_committed"));
    assertThat(replays).hasSize(2);
    for (ConsumerRecord<byte[], byte[]> replay : replays) {
      ProducerRecord<byte[], byte[]> original = deadLetters.get(replayedIndex(replay));
      assertThat(new String(replay.key(), StandardCharsets.UTF_8)).isIn("lead-a", "lead-c");
      assertThat(replay.key()).isEqualTo(original.key());
      assertThat(replay.value()).isEqualTo(original.value());
    }
    assertThat(replays)
        .extracting(DlqReplayCommandIT::replayOf)
        .containsExactlyInAnyOrder(
            config.deadLetterTopic() + "/0/0", config.deadLetterTopic() + "/0/2");
    assertThat(new ReplayLedger(config.clientProperties(), config.deadLetterTopic()).read())
        .containsExactlyInAnyOrder(
            new RecordPosition(config.deadLetterTopic(), 0, 0),
            new RecordPosition(config.deadLetterTopic(), 0, 2));

    Run second = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

    assertThat(replays(readAll(broker, config.rawTopic(), "read_uncommitted")))
        .as("nothing sent twice, not even uncommitted")
        .hasSize(2);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .containsPattern("chosen\\s+2")
        .containsPattern("sent\\s+0")
        .containsPattern("already replayed\\s+2  in replay-once.leads.dlq.replayed");
  }

  @Test
  void shouldChooseBySourceOffsetsAndTimeAndSendNothingOnADryRun(EmbeddedKafkaBroker broker)
      throws Exception {
    Map<String, Object> props = props(broker, "replay-filters");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      deadLetters.add(
          deadLetter(
              config,
              1,
              20 + i,
              "lead-" + i,
              DeadLetterReason.INVALID_FIELD,
              T0.plus(Duration.ofHours(i))));
    }
    deadLetters.add(
        deadLetter(config, 2, 21, "lead-other-partition", DeadLetterReason.INVALID_FIELD, T0));
    HandlerDeadLetters.send(broker.bootstrapServers(), deadLetters);

    Run list =
        cli(
            props,
            "dlq",
            "list",
            "--source-partition",
            "1",
            "--from-offset",
            "21",
            "--to-offset",
            "22");
    Run dryRun =
        cli(
            props,
            "dlq",
            "replay",
            "--dry-run",
            "--since",
            T0.plus(Duration.ofHours(1)).toString(),
            "--until",
            T0.plus(Duration.ofHours(3)).toString());

    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out())
        .contains("replay-filters.leads.raw/1/21", "replay-filters.leads.raw/1/22")
        .doesNotContain("leads.raw/1/20", "leads.raw/1/23", "leads.raw/2/21")
        .contains(
            "2 of 5 dead letters on replay-filters.leads.dlq (source partition 1 offsets 21..22)");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out())
        .containsPattern("would send\\s+replay-filters.leads.dlq/0/1 ")
        .containsPattern("would send\\s+replay-filters.leads.dlq/0/2 ")
        .containsPattern("would send\\s+2  to");
    assertThat(readAll(broker, config.rawTopic(), "read_uncommitted")).isEmpty();
    assertThat(topicExists(broker, ReplayLedger.topicFor(config.deadLetterTopic()))).isFalse();

    Run replay = cli(props, "dlq", "replay", "--source-partition", "1", "--from-offset", "22");
    Run listAfter = cli(props, "dlq", "list", "--source-partition", "1");

    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(replays(readAll(broker, config.rawTopic(), "read_committed")))
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("lead-2", "lead-3");
    assertThat(listAfter.out())
        .containsPattern("leads.raw/1/21\\s+-\\s")
        .containsPattern("leads.raw/1/22\\s+yes\\s")
        .containsPattern("leads.raw/1/23\\s+yes\\s");
  }

  @Test
  void shouldSendAnOmittedValueFromItsSourceRecordAndCountThoseNoLongerThere(
      EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> props = props(broker, "replay-omitted");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    byte[] gone = randomBytes(4_000);
    byte[] kept = randomBytes(6_000);
    long goneOffset = produce(broker, config.rawTopic(), 0, "big-gone", gone);
    long keptOffset = produce(broker, config.rawTopic(), 0, "big-kept", kept);
    deleteRecordsBefore(broker, new TopicPartition(config.rawTopic(), 0), keptOffset);
    HandlerDeadLetters.send(
        broker.bootstrapServers(),
        List.of(
            omitted(config, 0, goneOffset, "big-gone"),
            omitted(config, 0, keptOffset, "big-kept"),
            omitted(config, 0, keptOffset, "big-other-key")));

    Run replay = cli(props, "dlq", "replay", "--reason", HandlerDeadLetters.RECORD_TOO_LARGE);

    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(2);
    assertThat(replay.out())
        .containsPattern("sent\\s+1  to")
        .containsPattern("not replayable\\s+2  value omitted and no longer in the source topic");
    assertThat(replay.err())
        .contains(
            "Not replayable: replay-omitted.leads.dlq/0/0 (RECORD_TOO_LARGE, from replay-omitted.leads.raw/0/"
                + goneOffset)
        .contains("deleted by retention (the partition now starts at offset " + keptOffset + ")")
        .contains("Not replayable: replay-omitted.leads.dlq/0/2")
        .contains("holds a record with another key");
    List<ConsumerRecord<byte[], byte[]>> replays =
        replays(readAll(broker, config.rawTopic(), "read_committed"));
    assertThat(replays).hasSize(1);
    assertThat(replays.get(0).key()).isEqualTo(bytes("big-kept"));
    assertThat(replays.get(0).value()).isEqualTo(kept);
    assertThat(replayOf(replays.get(0))).isEqualTo(config.deadLetterTopic() + "/0/1");
  }

  @Test
  void shouldLeaveNothingVisibleWhenAReplayDiesMidTransactionAndReplayEachOnceAfter(
      EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> props = props(broker, "replay-crash");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    HandlerDeadLetters.send(
        broker.bootstrapServers(),
        List.of(
            deadLetter(config, 0, 1, "lead-1", DeadLetterReason.NOT_AVRO, T0),
            deadLetter(config, 1, 2, "lead-2", DeadLetterReason.NOT_AVRO, T0),
            deadLetter(config, 2, 3, "lead-3", DeadLetterReason.NOT_AVRO, T0)));
    ReplayLedger ledger = new ReplayLedger(config.clientProperties(), config.deadLetterTopic());
    TopicCreator.createCompactedIfMissing(config, ledger.topic());
    List<DeadLetter> onTheTopic = new ArrayList<>();
    DeadLetterReader.read(config.clientProperties(), config.deadLetterTopic(), onTheTopic::add);

    // Given a replayer that sent two dead letters and their ledger entries, then died before
    // committing
    Producer<byte[], byte[]> producer =
        DeadLetterReplayer.openProducer(config.clientProperties(), config.deadLetterTopic());
    DeadLetterReplayer crashing =
        DeadLetterReplayer.start(producer, ReplayTarget.of(config), ledger, 100, Clock.systemUTC());
    crashing.replay(onTheTopic.get(0), onTheTopic.get(0).key(), onTheTopic.get(0).value());
    crashing.replay(onTheTopic.get(1), onTheTopic.get(1).key(), onTheTopic.get(1).value());
    producer.flush();
    producer.close(Duration.ZERO); // no commit, no abort: the transaction stays open on the broker

    assertThat(replays(readAll(broker, config.rawTopic(), "read_uncommitted")))
        .as("written to the log")
        .hasSize(2);
    assertThat(replays(readAll(broker, config.rawTopic(), "read_committed")))
        .as("but not committed")
        .isEmpty();
    assertThat(ledger.read()).as("ledger entries not committed either").isEmpty();

    Run replay = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(replay.out()).containsPattern("sent\\s+3").containsPattern("already replayed\\s+0");
    List<ConsumerRecord<byte[], byte[]>> committed =
        replays(readAll(broker, config.rawTopic(), "read_committed"));
    assertThat(committed)
        .extracting(DlqReplayCommandIT::replayOf)
        .containsExactlyInAnyOrder(
            config.deadLetterTopic() + "/0/0",
            config.deadLetterTopic() + "/0/1",
            config.deadLetterTopic() + "/0/2");
    assertThat(replays(readAll(broker, config.rawTopic(), "read_uncommitted")))
        .as("the aborted two stay in the log, invisible to read_committed")
        .hasSize(5);
    assertThat(ledger.read()).hasSize(3);
  }

  @Test
  void shouldFenceAnEarlierReplayStillRunningSoThatNothingIsSentTwice(EmbeddedKafkaBroker broker)
      throws Exception {
    Map<String, Object> props = props(broker, "replay-fence");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    HandlerDeadLetters.send(
        broker.bootstrapServers(),
        List.of(
            deadLetter(config, 0, 1, "lead-1", DeadLetterReason.NOT_AVRO, T0),
            deadLetter(config, 1, 2, "lead-2", DeadLetterReason.NOT_AVRO, T0)));
    ReplayLedger ledger = new ReplayLedger(config.clientProperties(), config.deadLetterTopic());
    TopicCreator.createCompactedIfMissing(config, ledger.topic());
    List<DeadLetter> onTheTopic = new ArrayList<>();
    DeadLetterReader.read(config.clientProperties(), config.deadLetterTopic(), onTheTopic::add);
    DeadLetterReplayer earlier =
        DeadLetterReplayer.start(
            DeadLetterReplayer.openProducer(config.clientProperties(), config.deadLetterTopic()),
            ReplayTarget.of(config),
            ledger,
            100,
            Clock.systemUTC());
    earlier.replay(onTheTopic.get(0), onTheTopic.get(0).key(), onTheTopic.get(0).value());

    Run later = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

    assertThat(later.exitCode()).as(later.toString()).isZero();
    assertThatThrownBy(earlier::commit)
        .hasMessageContaining("another replay of the same dead-letter topic");
    earlier.close();
    assertThat(replays(readAll(broker, config.rawTopic(), "read_committed")))
        .extracting(DlqReplayCommandIT::replayOf)
        .containsExactlyInAnyOrder(
            config.deadLetterTopic() + "/0/0", config.deadLetterTopic() + "/0/1");
  }

  @Test
  void shouldSendNothingOfATransactionThatFailsAndSayWhyInOneLine(EmbeddedKafkaBroker broker)
      throws Exception {
    Map<String, Object> props = props(broker, "replay-fails");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    HandlerDeadLetters.send(
        broker.bootstrapServers(),
        List.of(
            deadLetter(config, 0, 1, "lead-small", DeadLetterReason.NOT_AVRO, T0),
            HandlerDeadLetters.of(
                config.deadLetterTopic(),
                config.rawTopic(),
                0,
                2,
                bytes("lead-large"),
                randomBytes(2_000),
                DeadLetterReason.NOT_AVRO,
                T0)));
    Map<String, Object> tooSmall = new HashMap<>(props);
    tooSmall.put("max.request.size", 1_000);

    Run failed = cli(tooSmall, "dlq", "replay", "--reason", "NOT_AVRO");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err().strip())
        .startsWith("Error: Replay stopped: ")
        .contains("max.request.size")
        .contains("The last 2 dead letters were rolled back (not sent); 0 replayed before")
        .doesNotContain("\n");
    assertThat(replays(readAll(broker, config.rawTopic(), "read_committed"))).isEmpty();
    assertThat(new ReplayLedger(config.clientProperties(), config.deadLetterTopic()).read())
        .isEmpty();

    Run again = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(replays(readAll(broker, config.rawTopic(), "read_committed"))).hasSize(2);
  }

  @Test
  void shouldLetTheDeadLetterOfAReplayThatFailsAgainBeReplayedLater(EmbeddedKafkaBroker broker)
      throws Exception {
    Map<String, Object> props = props(broker, "replay-app");
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    List<RawRecord> malformed = MalformedRecords.singleObject();
    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader outcomes = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      try (LeadProducer producer = new LeadProducer(config)) {
        malformed.forEach(r -> producer.sendRaw(r.key(), r.value()));
        producer.flushAndCount();
      }
      assertThat(
              OutcomeWaiter.await(
                  outcomes, malformed.size(), Duration.ofSeconds(120), outcome -> {}))
          .as("the app dead-letters every malformed record")
          .isEqualTo(malformed.size());
      DeadLetter notAvro =
          deadLetters(config).stream()
              .filter(d -> "NOT_AVRO".equals(d.reason()))
              .findFirst()
              .orElseThrow();

      Run first = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(first.out()).containsPattern("sent\\s+1  to");
      assertThat(OutcomeWaiter.await(outcomes, 1, Duration.ofSeconds(60), outcome -> {}))
          .as("the replayed record fails again")
          .isEqualTo(1);
      ConsumerRecord<byte[], byte[]> replay =
          replays(readAll(broker, config.rawTopic(), "read_committed")).get(0);
      DeadLetter rejectedAgain =
          deadLetters(config).stream()
              .filter(
                  d ->
                      d.source()
                          .equals(
                              new RecordPosition(
                                  replay.topic(), replay.partition(), replay.offset())))
              .findFirst()
              .orElseThrow();
      assertThat(rejectedAgain.reason()).isEqualTo("NOT_AVRO");
      assertThat(rejectedAgain.position()).isNotEqualTo(notAvro.position());
      assertThat(rejectedAgain.key()).isEqualTo(notAvro.key());
      assertThat(rejectedAgain.value()).isEqualTo(notAvro.value());

      Run second = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");

      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(second.out())
          .containsPattern("chosen\\s+2")
          .containsPattern("sent\\s+1  to")
          .containsPattern("already replayed\\s+1");
    }
  }

  @Test
  void shouldExplainWrongOptionsAndMissingTopicsInOneLine(EmbeddedKafkaBroker broker) {
    Map<String, Object> props = props(broker, "replay-errors");

    Run offsetsAlone = cli(props, "dlq", "replay", "--from-offset", "3");
    Run noTopic = cli(props, "dlq", "replay", "--reason", "NOT_AVRO");
    Run badTime = cli(props, "dlq", "replay", "--since", "yesterday");
    Run help = cli(Map.of(), "dlq", "replay", "--help");

    assertThat(offsetsAlone.exitCode()).isEqualTo(1);
    assertThat(offsetsAlone.err().strip())
        .isEqualTo(
            "Error: --from-offset and --to-offset need --source-partition: offsets are per partition");
    assertThat(noTopic.exitCode()).isEqualTo(1);
    assertThat(noTopic.err().strip())
        .isEqualTo("Error: Topic replay-errors.leads.dlq does not exist");
    assertThat(badTime.exitCode()).as("2 means not replayable, never a usage error").isEqualTo(1);
    assertThat(badTime.err())
        .startsWith("Invalid value for option '--since': 'yesterday' is not an ISO-8601 instant");
    assertThat(help.out())
        .contains(
            "--reason=REASON",
            "--since=INSTANT",
            "--until=INSTANT",
            "--source-partition=P",
            "--from-offset=X",
            "--to-offset=Y",
            "--dry-run",
            "--bootstrap-servers",
            "leadstream.replay.of",
            ".replayed",
            "Exit code 0; 2 when a chosen dead letter was not replayable");
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run cli(Map<String, Object> props, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    props.forEach((key, value) -> args.add("-D" + key + "=" + value));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exitCode = cli.execute(args.toArray(String[]::new));
    return new Run(exitCode, out.toString(), err.toString());
  }

  private Map<String, Object> props(EmbeddedKafkaBroker broker, String name) {
    return IntegrationConfigs.props(broker.bootstrapServers(), name, stateDir, Map.of());
  }

  private static ProducerRecord<byte[], byte[]> deadLetter(
      LeadStreamConfig config,
      int partition,
      long offset,
      String key,
      DeadLetterReason reason,
      Instant failedAt) {
    return HandlerDeadLetters.of(
        config.deadLetterTopic(),
        config.rawTopic(),
        partition,
        offset,
        bytes(key),
        ("original bytes of " + key).getBytes(StandardCharsets.UTF_8),
        reason,
        failedAt);
  }

  private static ProducerRecord<byte[], byte[]> omitted(
      LeadStreamConfig config, int partition, long offset, String key) {
    return HandlerDeadLetters.valueOmitted(
        config.deadLetterTopic(), config.rawTopic(), partition, offset, bytes(key), T0);
  }

  /** The records of a topic that are replays, in partition and offset order. */
  private static List<ConsumerRecord<byte[], byte[]>> replays(
      List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .filter(r -> r.headers().lastHeader(DeadLetterReplayer.REPLAY_OF) != null)
        .toList();
  }

  private static String replayOf(ConsumerRecord<byte[], byte[]> replay) {
    Header header = replay.headers().lastHeader(DeadLetterReplayer.REPLAY_OF);
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static int replayedIndex(ConsumerRecord<byte[], byte[]> replay) {
    return (int) RecordPosition.parse(replayOf(replay)).offset();
  }

  /**
   * Every record of a topic up to its end offsets now, as a consumer of the given isolation level
   * sees them.
   */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      EmbeddedKafkaBroker broker, String topic, String isolation) {
    Map<String, Object> props =
        Map.of("bootstrap.servers", broker.bootstrapServers(), "isolation.level", isolation);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        assertThat(System.nanoTime()).as("read %s to its end in time", topic).isLessThan(deadline);
      }
    }
    return records;
  }

  private static List<DeadLetter> deadLetters(LeadStreamConfig config) {
    List<DeadLetter> deadLetters = new ArrayList<>();
    DeadLetterReader.read(config.clientProperties(), config.deadLetterTopic(), deadLetters::add);
    return deadLetters;
  }

  private static long produce(
      EmbeddedKafkaBroker broker, String topic, int partition, String key, byte[] value)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      return producer
          .send(new ProducerRecord<>(topic, partition, bytes(key), value))
          .get()
          .offset();
    }
  }

  private static void deleteRecordsBefore(
      EmbeddedKafkaBroker broker, TopicPartition partition, long offset) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset))).all().get();
    }
  }

  private static boolean topicExists(EmbeddedKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      return admin.listTopics().names().get().contains(topic);
    }
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
