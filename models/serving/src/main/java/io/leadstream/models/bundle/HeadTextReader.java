package io.leadstream.models.bundle;

import io.leadstream.models.inference.TextEmbedding;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.TextSignal;
import java.util.ArrayList;
import java.util.List;

/** Reads texts with one thread's encoder predictor and the shared opportunity head. */
final class HeadTextReader implements TextReader {

  private final TextEncoder encoder;
  private final OpportunityHead head;
  private final StageTimer timer;

  HeadTextReader(TextEncoder encoder, OpportunityHead head, StageTimer timer) {
    this.encoder = encoder;
    this.head = head;
    this.timer = timer;
  }

  @Override
  public List<TextSignal> read(List<String> texts) {
    List<String> nonBlank = new ArrayList<>();
    for (String text : texts) {
      if (!TextReader.isBlank(text)) {
        nonBlank.add(text);
      }
    }
    long started = System.nanoTime();
    List<TextEmbedding> embeddings = nonBlank.isEmpty() ? List.of() : encoder.embed(nonBlank);
    long encoded = System.nanoTime();
    long tokenizing = embeddings.stream().mapToLong(TextEmbedding::tokenizeNanos).sum();
    List<TextSignal> signals = new ArrayList<>(texts.size());
    int next = 0;
    for (String text : texts) {
      if (TextReader.isBlank(text)) {
        signals.add(new TextSignal(head.prior(), 0.0));
      } else {
        TextEmbedding embedding = embeddings.get(next++);
        double ratio = embedding.unknownTokenRatio();
        signals.add(
            new TextSignal(
                TextSignal.readable(ratio) ? head.probability(embedding.vector()) : head.prior(),
                ratio));
      }
    }
    if (!embeddings.isEmpty()) {
      timer.record(StageTimer.TOKENIZE, tokenizing);
      timer.record(StageTimer.ENCODE, Math.max(0, encoded - started - tokenizing));
    }
    timer.record(StageTimer.HEAD, System.nanoTime() - encoded);
    return signals;
  }

  @Override
  public boolean readsEachTextAlone() {
    return encoder.maxBatch() == 1;
  }

  @Override
  public void close() {
    encoder.close();
  }
}
