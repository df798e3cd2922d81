package io.leadstream.models.inference;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
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
   * texts it is batched with, since a model for which it would runs one text per call.
   *
   * @throws TextEncodingException when the model fails
   */
  public List<TextEmbedding> embed(List<String> texts) {
    List<TextEmbedding> out = new ArrayList<>(texts.size());
    try {
      for (int from = 0; from < texts.size(); from += maxBatch) {
        List<String> chunk = texts.subList(from, Math.min(texts.size(), from + maxBatch));
        out.addAll(predictor.batchPredict(chunk));
      }
    } catch (TranslateException e) {
      throw new TextEncodingException("text encoder failed on a batch of " + texts.size(), e);
    }
    return out;
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
