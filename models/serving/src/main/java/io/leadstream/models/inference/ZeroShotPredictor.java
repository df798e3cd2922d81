package io.leadstream.models.inference;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.List;

/**
 * Runs a {@link ZeroShotOpportunity} for one thread. Not thread-safe: it owns a DJL predictor.
 * Close it to free the predictor's native resources.
 */
public final class ZeroShotPredictor implements AutoCloseable {

  private final ZeroShotOpportunity model;
  private final Predictor<String, Double> predictor;

  ZeroShotPredictor(ZeroShotOpportunity model, Predictor<String, Double> predictor) {
    this.model = model;
    this.predictor = predictor;
  }

  /** p(opportunity) of one lead text. */
  public double probability(String text) {
    return probabilities(List.of(text))[0];
  }

  /**
   * p(opportunity) for each lead text, in order. Texts run in padded batches of at most {@link
   * ZeroShotOpportunity#MAX_BATCH}; the encoder attention mask keeps padding out of every text's
   * result.
   *
   * @throws TextEncodingException when a model fails
   */
  public double[] probabilities(List<String> texts) {
    double[] out = new double[texts.size()];
    try {
      for (int from = 0; from < texts.size(); from += ZeroShotOpportunity.MAX_BATCH) {
        int to = Math.min(texts.size(), from + ZeroShotOpportunity.MAX_BATCH);
        List<Double> part = predictor.batchPredict(texts.subList(from, to));
        for (int i = 0; i < part.size(); i++) {
          out[from + i] = part.get(i);
        }
      }
    } catch (TranslateException e) {
      throw new TextEncodingException(
          "zero-shot model failed on a batch of " + texts.size() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** See {@link ZeroShotOpportunity#unknownTokenRatio(String)}. */
  public double unknownTokenRatio(String text) {
    return model.unknownTokenRatio(text);
  }

  @Override
  public void close() {
    predictor.close();
  }
}
