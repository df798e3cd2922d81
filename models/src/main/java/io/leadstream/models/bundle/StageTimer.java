package io.leadstream.models.bundle;

/**
 * Receives how long each model stage took, per call, e.g. to feed latency histograms. Called on
 * the scoring thread; must be cheap and thread-safe.
 */
@FunctionalInterface
public interface StageTimer {

  /** Turning texts into token ids (the tokenizer). */
  String TOKENIZE = "tokenize";
  /** The encoder model itself, with pooling. */
  String ENCODE = "encode";
  /** The opportunity head on the embeddings. */
  String HEAD = "head";
  /** XGBoost prediction with SHAP contributions, tier and reasons. */
  String SCORE = "score";

  /** Ignores timings. */
  StageTimer NONE = (stage, nanos) -> {};

  void record(String stage, long nanos);
}
