package io.leadstream.models.inference;

import java.nio.file.Path;

/**
 * How the encoder uses the CPU in this process (not part of a bundle: the same bundle runs on
 * machines of any size).
 *
 * @param intraOpThreads threads ONNX Runtime may use inside one model call; 0 lets it use every
 *     core. In a streaming service, parallelism comes from the stream threads, each with its own
 *     predictor, so 1 is the better choice there: calls then never wait for a busy sibling thread.
 * @param operatorProfile null, or the file prefix of ONNX Runtime's operator profile: each operator
 *     call is timed and written to {@code <prefix>_<date>_<time>.json} when the model closes (a
 *     tool's option; it slows every call)
 * @param graphFusion whether an ONNX encoder's graph is fused beyond ONNX Runtime's own load-time
 *     optimizations ({@code EncoderGraphFusion}: one attention operator per layer, biases and
 *     residual adds folded into their neighbours) before it is loaded
 */
public record InferenceOptions(int intraOpThreads, Path operatorProfile, boolean graphFusion) {

  /** ONNX Runtime's own choice: every core for each call. Best for one caller at a time. */
  public static final InferenceOptions ENGINE_DEFAULT = new InferenceOptions(0);

  /** One thread per call, for many callers in parallel. */
  public static final InferenceOptions SINGLE_THREADED_CALLS = new InferenceOptions(1);

  public InferenceOptions {
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intraOpThreads must be >= 0, was " + intraOpThreads);
    }
  }

  /** Options without the operator profile, the graph fused. */
  public InferenceOptions(int intraOpThreads) {
    this(intraOpThreads, null);
  }

  /** Options with the graph fused. */
  public InferenceOptions(int intraOpThreads, Path operatorProfile) {
    this(intraOpThreads, operatorProfile, true);
  }

  /** These options, loading an encoder's graph as its file has it. */
  public InferenceOptions withoutGraphFusion() {
    return new InferenceOptions(intraOpThreads, operatorProfile, false);
  }
}
