package io.leadstream.tools.bench;

import java.util.Locale;

/**
 * One benchmark run's figures.
 *
 * @param leads leads pushed through the pipeline in the throughput phase
 * @param partitions partitions of the input topic
 * @param streamThreads stream threads of the app, each with its own encoder predictor
 * @param pipelineLeadsPerSecond leads/s from first send to last outcome, all leads sent at once
 * @param pacedRatePerSecond rate of the latency phase
 * @param latencyP50Ms end-to-end latency p50 in the paced phase (input record time to outcome read)
 * @param latencyP99Ms end-to-end latency p99 in the paced phase
 * @param encoderTextsPerSecond encoder + head alone on the same texts, batch 1, as many parallel
 *     callers as stream threads, same engine settings as the pipeline
 * @param encoderOneCallerTextsPerSecond encoder + head alone, batch 1, one caller with ONNX Runtime
 *     using every core (for reference)
 */
public record BenchResult(
    int leads,
    int partitions,
    int streamThreads,
    double pipelineLeadsPerSecond,
    double pacedRatePerSecond,
    long latencyP50Ms,
    long latencyP99Ms,
    double encoderTextsPerSecond,
    double encoderOneCallerTextsPerSecond) {

  /** End-to-end throughput as a share of the encoder-alone rate in the same configuration. */
  public double ratio() {
    return pipelineLeadsPerSecond / encoderTextsPerSecond;
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        """
        pipeline, %d leads sent at once (%d partitions, %d stream threads):  %.1f leads/s
        pipeline latency, paced at %.0f leads/s:                         p50 %d ms, p99 %d ms
        encoder + head alone, same texts, batch 1, %d parallel callers:  %.1f texts/s
        encoder + head alone, batch 1, 1 caller using every core:       %.1f texts/s
        pipeline / encoder alone (same configuration):                   %.0f %%""",
        leads,
        partitions,
        streamThreads,
        pipelineLeadsPerSecond,
        pacedRatePerSecond,
        latencyP50Ms,
        latencyP99Ms,
        streamThreads,
        encoderTextsPerSecond,
        encoderOneCallerTextsPerSecond,
        100 * ratio());
  }
}
