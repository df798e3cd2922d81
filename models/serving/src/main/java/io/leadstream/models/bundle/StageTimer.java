package io.leadstream.models.bundle;

/**
 * Receives how long each model stage took, per call, e.g. to feed latency histograms. Called on the
 * scoring thread; must be cheap and thread-safe.
 */
@FunctionalInterface
public interface StageTimer {

  /** Turning texts into token ids (the tokenizer); for zero-shot, counting unknown tokens. */
  String TOKENIZE = "tokenize";

  /** The encoder model itself, with pooling; for zero-shot, prompt, encoder and decoder step. */
  String ENCODE = "encode";

  /** The opportunity head on the embeddings; not reported by zero-shot bundles. */
  String HEAD = "head";

  /** XGBoost prediction with SHAP contributions, tier and reasons (or the text-only score). */
  String SCORE = "score";

  /** Ignores timings. */
  StageTimer NONE = (stage, nanos) -> {};

  void record(String stage, long nanos);
}
