package io.leadstream.app.streams.processors;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.models.bundle.LeadScorer;

/**
 * How many records the read-text step holds for one read: {@code leadstream.inference.batch.max},
 * or, when that is 0, a size chosen from the serving bundle's encoder, so that a bundle swapped in
 * at run time gets its own.
 *
 * @param configured the setting; 0 chooses from the encoder
 */
public record InferenceBatch(int configured) {

  /**
   * Held for an encoder that reads each text in a call of its own (int8 minilm-q): holding changes
   * none of its calls, and eight measured 19-22 % more leads/s than one for 18-31 ms more at p50
   * (docs/benchmarks.md, session 28, runs J and L). An encoder that reads padded batches is held at
   * 1: its texts read slower in batches.
   */
  public static final int EACH_TEXT_ALONE = 8;

  public static InferenceBatch of(LeadStreamConfig config) {
    return new InferenceBatch(config.inferenceBatchMax());
  }

  /** Records to hold before reading them, for the bundle of this scorer. */
  public int limit(LeadScorer scorer) {
    if (configured > 0) {
      return configured;
    }
    return scorer.readsEachTextAlone() ? EACH_TEXT_ALONE : 1;
  }

  /** Whether records may be held, so that a linger must drain them. */
  public boolean mayHold() {
    return configured != 1;
  }
}
