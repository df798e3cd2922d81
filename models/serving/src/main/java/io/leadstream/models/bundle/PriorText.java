package io.leadstream.models.bundle;

import io.leadstream.models.scoring.TextSignal;
import java.util.Collections;
import java.util.List;

/**
 * The text model of a bundle whose scorer reads the fields only: nothing is loaded and nothing
 * runs; every text, blank or not, gets the prior with no unknown tokens, so no text reason appears
 * either.
 */
final class PriorText implements TextModel {

  private final double prior;

  PriorText(double prior) {
    this.prior = prior;
  }

  @Override
  public TextReader newReader(StageTimer timer) {
    return new TextReader() {
      @Override
      public List<TextSignal> read(List<String> texts) {
        return Collections.nCopies(texts.size(), new TextSignal(prior, 0.0));
      }

      @Override
      public boolean readsEachTextAlone() {
        return false;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public double prior() {
    return prior;
  }

  @Override
  public void close() {}
}
