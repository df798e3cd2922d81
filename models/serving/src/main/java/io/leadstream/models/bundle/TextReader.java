package io.leadstream.models.bundle;

import io.leadstream.models.scoring.TextSignal;
import java.util.List;

/**
 * One thread's handle on a {@link TextModel}. Not thread-safe. Blank texts, and texts with more
 * than {@link TextSignal#MAX_UNKNOWN_RATIO} unknown tokens, get the model's prior.
 */
interface TextReader extends AutoCloseable {

  /** One signal per text, same order; a null text counts as blank. */
  List<TextSignal> read(List<String> texts);

  /**
   * Whether its model reads every text in a call of its own, so that the texts given in one {@link
   * #read} do not share a model call.
   */
  boolean readsEachTextAlone();

  @Override
  void close();

  /** Null, empty or only whitespace: nothing for a model to read. */
  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
