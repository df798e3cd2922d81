package io.leadstream.app.dlq;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.dlq.ReplayOutcome.Kind;
import io.leadstream.app.dlq.SourceRecordFetcher.Fetch;
import io.leadstream.app.dlq.SourceRecordFetcher.Found;
import io.leadstream.app.dlq.SourceRecordFetcher.Gone;
import io.leadstream.app.io.TopicSnapshot;
import io.leadstream.app.runtime.TopicCreator;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * One replay of chosen dead letters to the raw leads topic: reads the dead-letter topic once to its
 * end at start, chooses with a {@link DeadLetterFilter}, skips those the {@link ReplayLedger}
 * holds, fetches omitted values from their source topic, and replays the rest through a {@link
 * DeadLetterReplayer}. Creates the ledger topic when it is missing (not in a dry run).
 */
public final class DeadLetterReplay {

  /** Dead letters per transaction. */
  public static final int TRANSACTION_SIZE = 200;

  private final LeadStreamConfig config;
  private final Clock clock;

  public DeadLetterReplay(LeadStreamConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Replays the chosen dead letters, or in a dry run only finds out what a replay would do: then
   * nothing is written and no topic created.
   *
   * @param outcomes told what became of each chosen dead letter, as it happens
   * @throws IllegalArgumentException when the dead-letter or the raw topic does not exist
   * @throws IllegalStateException when a replay transaction fails (see {@link
   *     DeadLetterReplayer#replay})
   */
  public ReplayCounts run(
      DeadLetterFilter filter, boolean dryRun, Consumer<ReplayOutcome> outcomes) {
    Map<String, Object> client = config.clientProperties();
    String deadLetterTopic = config.deadLetterTopic();
    requireTopics(client, deadLetterTopic, config.rawTopic());
    ReplayLedger ledger = new ReplayLedger(client, deadLetterTopic);
    if (!dryRun) {
      TopicCreator.createCompactedIfMissing(config, ledger.topic());
    }
    Tally tally = new Tally();
    try (DeadLetterReplayer replayer =
            dryRun
                ? null
                : DeadLetterReplayer.start(
                    DeadLetterReplayer.openProducer(client, deadLetterTopic),
                    ReplayTarget.of(config),
                    ledger,
                    TRANSACTION_SIZE,
                    clock);
        SourceRecordFetcher sources = new SourceRecordFetcher(client)) {
      Set<RecordPosition> replayed = ledger.read();
      long read =
          DeadLetterReader.read(
              client,
              deadLetterTopic,
              deadLetter -> {
                if (!filter.test(deadLetter)) {
                  return;
                }
                tally.byReason.merge(String.valueOf(deadLetter.reason()), 1L, Long::sum);
                ReplayOutcome outcome = replayOne(deadLetter, replayed, sources, replayer);
                tally.count(outcome.kind());
                outcomes.accept(outcome);
              });
      if (replayer != null) {
        replayer.commit();
      }
      long sent = replayer == null ? tally.replayed : replayer.committed();
      return new ReplayCounts(
          read,
          tally.replayed + tally.alreadyReplayed + tally.notReplayable,
          sent,
          tally.alreadyReplayed,
          tally.notReplayable,
          Collections.unmodifiableMap(tally.byReason));
    }
  }

  private static ReplayOutcome replayOne(
      DeadLetter deadLetter,
      Set<RecordPosition> replayed,
      SourceRecordFetcher sources,
      DeadLetterReplayer replayer) {
    if (replayed.contains(deadLetter.position())) {
      return new ReplayOutcome(deadLetter, Kind.ALREADY_REPLAYED, null);
    }
    byte[] key = deadLetter.key();
    byte[] value = deadLetter.value();
    if (deadLetter.valueOmitted() || deadLetter.keyOmitted()) {
      if (deadLetter.source() == null) {
        return new ReplayOutcome(
            deadLetter,
            Kind.NOT_REPLAYABLE,
            "value omitted, and the dead letter does not say where the record came from");
      }
      Fetch fetch =
          sources.fetch(deadLetter.source(), deadLetter.keyOmitted() ? null : deadLetter.key());
      if (fetch instanceof Gone gone) {
        return new ReplayOutcome(
            deadLetter,
            Kind.NOT_REPLAYABLE,
            "value omitted and no longer in the source topic: " + gone.why());
      }
      key = ((Found) fetch).key();
      value = ((Found) fetch).value();
    }
    if (replayer != null) {
      replayer.replay(deadLetter, key, value);
    }
    replayed.add(deadLetter.position());
    return new ReplayOutcome(deadLetter, Kind.REPLAYED, null);
  }

  private static void requireTopics(Map<String, Object> client, String... topics) {
    try (KafkaConsumer<byte[], byte[]> consumer = TopicSnapshot.consumer(client)) {
      for (String topic : topics) {
        if (TopicSnapshot.partitions(consumer, topic).isEmpty()) {
          throw new IllegalArgumentException("Topic " + topic + " does not exist");
        }
      }
    }
  }

  private static final class Tally {
    final Map<String, Long> byReason = new TreeMap<>();
    long replayed;
    long alreadyReplayed;
    long notReplayable;

    void count(Kind kind) {
      switch (kind) {
        case REPLAYED -> replayed++;
        case ALREADY_REPLAYED -> alreadyReplayed++;
        case NOT_REPLAYABLE -> notReplayable++;
      }
    }
  }
}
