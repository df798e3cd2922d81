package io.leadstream.app.streams.processors;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.app.streams.state.CommitDrain;
import io.leadstream.app.streams.state.LeadTextMemo;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Reads a lead's free text into p(opportunity) with the text encoder and opportunity head. Most CRM
 * events only update fields, so the text's hash is kept per lead and an unchanged text (read by the
 * same bundle) reuses the previous reading instead of running the encoder again.
 *
 * <p>The memo is a cache, not state: losing it costs one inference per lead and changes no score,
 * as the models are deterministic. So it is a bounded in-memory LRU map per partition without a
 * changelog: no changelog writes, no flush at commit, empty after a restart or a rebalance.
 *
 * <p>Records are held back ({@link HeldReads}) until a batch of them is held ({@link
 * InferenceBatch}), the oldest has waited the linger, a commit ({@link CommitDrain}) or an outcome
 * to label comes, and their texts are read in one call; they are forwarded in arrival order, each
 * with its own record context, so per-key order, exactly-once and the dead letters' source bytes
 * and offsets are as without batching.
 */
public final class ReadTextProcessor
    extends ContextualProcessor<String, LeadEvent, String, EnrichedLead> {

  /** Per-lead memo of the last text read: its hash and what the model read from it (a cache). */
  public static final String STORE = "lead-text-store";

  /** The task's hook that reads the held records into every commit. */
  public static final String DRAIN_STORE = "lead-text-drain";

  private static final UnreadableTextWarning UNREADABLE = new UnreadableTextWarning();

  private final ScorerSession session;
  private final PipelineMetrics metrics;
  private final InferenceBatch batch;
  private final Duration linger;
  private final Sha256.Reusable textHash = new Sha256.Reusable();
  private final HeldReads held = new HeldReads();
  private KeyValueStore<String, LeadTextMemo> memos;
  private CommitDrain commitDrain;

  private ReadTextProcessor(
      ActiveModel model, PipelineMetrics metrics, InferenceBatch batch, Duration linger) {
    this.session = new ScorerSession(model, metrics.stageTimer());
    this.metrics = metrics;
    this.batch = batch;
    this.linger = linger;
  }

  /**
   * @param memoEntries leads whose last text reading each partition remembers
   * @param batch records held to read their texts in one call
   * @param linger longest a held record waits for its batch to fill
   */
  public static ProcessorSupplier<String, LeadEvent, String, EnrichedLead> supplier(
      ActiveModel model,
      int memoEntries,
      InferenceBatch batch,
      Duration linger,
      PipelineMetrics metrics) {
    return new ProcessorSupplier<>() {
      @Override
      public ReadTextProcessor get() {
        return new ReadTextProcessor(model, metrics, batch, linger);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                    Stores.lruMap(STORE, memoEntries), Serdes.String(), LeadSerdes.textMemo())
                .withLoggingDisabled());
      }
    };
  }

  /** The drain store, added to the topology and connected to this step and the label step. */
  public static StoreBuilder<CommitDrain> drainStore() {
    return CommitDrain.storeBuilder(DRAIN_STORE);
  }

  @Override
  public void init(ProcessorContext<String, EnrichedLead> context) {
    super.init(context);
    memos = context.getStateStore(STORE);
    commitDrain = context.getStateStore(DRAIN_STORE);
    commitDrain.onDrain(this::drain);
    if (batch.mayHold()) {
      // a tick drains only a batch whose oldest record has waited the linger, so records in hand
      // (a backlog) fill their batch between ticks, and a sparse stream's records wait about the
      // linger
      context.schedule(
          tickInterval(linger),
          PunctuationType.WALL_CLOCK_TIME,
          now -> {
            if (held.waitedMs(now) >= linger.toMillis()) {
              drain();
            }
          });
    }
  }

  /** Half the linger: a held batch is drained within one and a half lingers of its first record. */
  private static Duration tickInterval(Duration linger) {
    return Duration.ofMillis(Math.max(1, linger.toMillis() / 2));
  }

  @Override
  public void process(Record<String, LeadEvent> record) {
    held.hold(context(), record);
    if (held.size() >= batch.limit(session.scorer())) {
      drain();
    }
  }

  /** Reads the texts of the held records that need reading, in one call, and forwards them all. */
  private void drain() {
    if (held.isEmpty()) {
      return;
    }
    List<HeldReads.Held> batch = held.takeAll();
    LeadScorer scorer = session.scorer();
    List<String> texts = new ArrayList<>();
    List<Reading> readings = new ArrayList<>(batch.size());
    Map<String, Reading> latestByLead = new HashMap<>();
    for (HeldReads.Held one : batch) {
      String text = LeadText.of(one.record().value());
      String hash = textHash.of(text.getBytes(StandardCharsets.UTF_8));
      Reading reading =
          reading(one.record().key(), hash, scorer, latestByLead.get(one.record().key()));
      if (reading == null) {
        reading = new Reading(hash, texts.size(), null, false);
        texts.add(text);
      }
      latestByLead.put(one.record().key(), reading);
      readings.add(reading);
    }
    List<TextReading> read = TextReading.readAll(scorer, texts);
    if (!texts.isEmpty()) {
      metrics.inferenceBatch(texts.size());
    }
    held.forwardEach(
        context(), batch, (one, index) -> forward(one.record(), readings.get(index), read, scorer));
  }

  /**
   * The reading the record can reuse: the batch's earlier reading of the lead if its text is the
   * same, else the memo's if the same bundle read the same text; null when the text must be read.
   */
  private Reading reading(String leadId, String hash, LeadScorer scorer, Reading earlier) {
    if (earlier != null) {
      return earlier.hash().equals(hash) ? earlier.again() : null;
    }
    LeadTextMemo memo = memos.get(leadId);
    boolean reusable =
        memo != null
            && memo.getTextHash().equals(hash)
            && memo.getBundleVersion().equals(scorer.bundleVersion());
    return reusable
        ? new Reading(
            hash,
            -1,
            new TextSignal(memo.getOpportunityProbability(), memo.getUnknownTokenRatio()),
            true)
        : null;
  }

  private void forward(
      Record<String, LeadEvent> record,
      Reading reading,
      List<TextReading> read,
      LeadScorer scorer) {
    TextReading result = reading.remembered() != null ? null : read.get(reading.text());
    TextSignal signal = result == null ? reading.remembered() : result.signal();
    if (signal == null) {
      // the text failed: the score step throws its failure for this record
    } else if (reading.reused()) {
      metrics.textReused();
    } else {
      metrics.unknownTokenRatio(signal.unknownTokenRatio(), signal.readable());
      if (!signal.readable()) {
        UNREADABLE.warn(record.value(), signal, scorer.bundleVersion());
      }
      memos.put(
          record.key(),
          new LeadTextMemo(
              reading.hash(),
              signal.opportunityProbability(),
              signal.unknownTokenRatio(),
              scorer.bundleVersion()));
    }
    RuntimeException failure = result == null ? null : result.failure();
    context()
        .forward(
            record.withValue(
                new EnrichedLead(record.value(), signal, reading.reused(), scorer, failure)));
  }

  /**
   * What a record's text reading is: its text's hash, and either the index of its text among those
   * read, or a remembered signal.
   */
  private record Reading(String hash, int text, TextSignal remembered, boolean reused) {

    /** This reading, for a later record of the same lead with the same text. */
    Reading again() {
      return new Reading(hash, text, remembered, true);
    }
  }

  /**
   * Kafka Streams commits a task before it closes it cleanly, so what is still held here was not
   * committed and is processed again wherever the task goes next.
   */
  @Override
  public void close() {
    commitDrain.onDrain(() -> {});
    held.takeAll();
    session.close();
  }
}
