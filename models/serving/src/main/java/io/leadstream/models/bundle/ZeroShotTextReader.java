package io.leadstream.models.bundle;

import io.leadstream.models.inference.ZeroShotPredictor;
import io.leadstream.models.scoring.TextSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads texts zero-shot with one thread's predictor, as a bundle serves them: each non-blank text
 * is first tokenized on its own to count unknown tokens; only readable texts go through the model,
 * the others get the prior. Owns the predictor.
 */
public final class ZeroShotTextReader implements TextReader {

  private final ZeroShotPredictor predictor;
  private final double prior;
  private final StageTimer timer;

  public ZeroShotTextReader(ZeroShotPredictor predictor, double prior, StageTimer timer) {
    this.predictor = predictor;
    this.prior = prior;
    this.timer = timer;
  }

  @Override
  public List<TextSignal> read(List<String> texts) {
    long started = System.nanoTime();
    double[] ratios = new double[texts.size()];
    List<String> readable = new ArrayList<>();
    int nonBlank = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (!TextReader.isBlank(text)) {
        nonBlank++;
        ratios[i] = predictor.unknownTokenRatio(text);
        if (TextSignal.readable(ratios[i])) {
          readable.add(text);
        }
      }
    }
    long counted = System.nanoTime();
    double[] probabilities = readable.isEmpty() ? new double[0] : predictor.probabilities(readable);
    List<TextSignal> signals = new ArrayList<>(texts.size());
    int next = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      boolean read = !TextReader.isBlank(text) && TextSignal.readable(ratios[i]);
      signals.add(new TextSignal(read ? probabilities[next++] : prior, ratios[i]));
    }
    if (nonBlank > 0) {
      timer.record(StageTimer.TOKENIZE, counted - started);
    }
    if (!readable.isEmpty()) {
      timer.record(StageTimer.ENCODE, System.nanoTime() - counted);
    }
    return signals;
  }

  /** Readable texts run in padded batches. */
  @Override
  public boolean readsEachTextAlone() {
    return false;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
