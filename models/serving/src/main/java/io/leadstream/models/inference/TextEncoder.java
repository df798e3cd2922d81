package io.leadstream.models.inference;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs an {@link EncoderModel} for one thread. Not thread-safe: it owns a DJL predictor. Close it
 * to free the predictor's native resources.
 */
public final class TextEncoder implements AutoCloseable {

  /** Larger inputs are split into model calls of at most this many texts. */
  public static final int MAX_BATCH = 32;

  private final Predictor<String, TextEmbedding> predictor;
  private final int dimension;
  private final int maxBatch;

  TextEncoder(Predictor<String, TextEmbedding> predictor, int dimension, int maxBatch) {
    this.predictor = predictor;
    this.dimension = dimension;
    this.maxBatch = maxBatch;
  }

  /** Embeds one text. */
  public TextEmbedding embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /**
   * Embeds texts, one result per text in the same order. Up to {@link #MAX_BATCH} texts (the spec's
   * {@code maxBatch} when set) run as one padded batch; the vector of a text does not depend on the
   * texts it is batched with, since a model for which it would runs one text per call. A batch is
   * padded to its longest text, so the texts run shortest first (characters standing for tokens:
   * tokenizing twice would cost more than the order saves).
   *
   * @throws TextEncodingException when the model fails
   */
  public List<TextEmbedding> embed(List<String> texts) {
    if (texts.size() == 1) {
      return List.of(embedChunk(texts).get(0));
    }
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    TextEmbedding[] out = new TextEmbedding[texts.size()];
    for (int from = 0; from < order.length; from += maxBatch) {
      int to = Math.min(order.length, from + maxBatch);
      List<String> chunk = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        chunk.add(texts.get(order[i]));
      }
      List<TextEmbedding> embedded = embedChunk(chunk);
      for (int i = from; i < to; i++) {
        out[order[i]] = embedded.get(i - from);
      }
    }
    return Arrays.asList(out);
  }

  private List<TextEmbedding> embedChunk(List<String> chunk) {
    try {
      return predictor.batchPredict(chunk);
    } catch (TranslateException e) {
      throw new TextEncodingException("text encoder failed on a batch of " + chunk.size(), e);
    }
  }

  /** Most texts one model call reads; 1 for a model whose vectors would depend on their batch. */
  public int maxBatch() {
    return maxBatch;
  }

  /** Size of the embeddings. */
  public int dimension() {
    return dimension;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
