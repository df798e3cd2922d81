package io.leadstream.app.streams.processors;

import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.streams.serde.LeadSerdes;
import io.leadstream.app.streams.state.LeadTextMemo;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
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
 */
public final class ReadTextProcessor
    extends ContextualProcessor<String, LeadEvent, String, EnrichedLead> {

  /** Per-lead memo of the last text read: its hash and what the model read from it (a cache). */
  public static final String STORE = "lead-text-store";

  private static final UnreadableTextWarning UNREADABLE = new UnreadableTextWarning();

  private final ScorerSession session;
  private final PipelineMetrics metrics;
  private final Sha256.Reusable textHash = new Sha256.Reusable();
  private KeyValueStore<String, LeadTextMemo> memos;

  private ReadTextProcessor(ActiveModel model, PipelineMetrics metrics) {
    this.session = new ScorerSession(model, metrics.stageTimer());
    this.metrics = metrics;
  }

  /**
   * @param memoEntries leads whose last text reading each partition remembers
   */
  public static ProcessorSupplier<String, LeadEvent, String, EnrichedLead> supplier(
      ActiveModel model, int memoEntries, PipelineMetrics metrics) {
    return new ProcessorSupplier<>() {
      @Override
      public ReadTextProcessor get() {
        return new ReadTextProcessor(model, metrics);
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

  @Override
  public void init(ProcessorContext<String, EnrichedLead> context) {
    super.init(context);
    memos = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, LeadEvent> record) {
    LeadScorer scorer = session.scorer();
    String text = LeadText.of(record.value());
    String hash = textHash.of(text.getBytes(StandardCharsets.UTF_8));
    LeadTextMemo memo = memos.get(record.key());
    boolean reusable =
        memo != null
            && memo.getTextHash().equals(hash)
            && memo.getBundleVersion().equals(scorer.bundleVersion());
    TextSignal signal;
    if (reusable) {
      signal = new TextSignal(memo.getOpportunityProbability(), memo.getUnknownTokenRatio());
      metrics.textReused();
    } else {
      signal = readText(scorer, text);
      metrics.unknownTokenRatio(signal.unknownTokenRatio(), signal.readable());
      if (!signal.readable()) {
        UNREADABLE.warn(record.value(), signal, scorer.bundleVersion());
      }
      memos.put(
          record.key(),
          new LeadTextMemo(
              hash,
              signal.opportunityProbability(),
              signal.unknownTokenRatio(),
              scorer.bundleVersion()));
    }
    context().forward(record.withValue(new EnrichedLead(record.value(), signal, reusable, scorer)));
  }

  private static TextSignal readText(LeadScorer scorer, String text) {
    try {
      return scorer.readText(text);
    } catch (RuntimeException e) {
      throw ModelFailures.classify(e, scorer, "read the text of");
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
