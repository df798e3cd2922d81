package io.leadstream.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark run's figures.
 *
 * @param leads leads pushed through the pipeline in each throughput burst
 * @param partitions partitions of the input topic
 * @param streamThreads stream threads of the app, each with its own encoder predictor
 * @param pipelineRounds per round, leads/s from first send to last outcome, all leads sent at once
 * @param pacedRatePerSecond rate of the latency phase
 * @param latencyP50Ms end-to-end latency p50 in the paced phase (input record time to outcome read)
 * @param latencyP99Ms end-to-end latency p99 in the paced phase
 * @param encoderRounds per round, right after its burst: encoder + head alone on the burst's texts,
 *     batch 1, as many parallel callers as stream threads, same engine settings as the pipeline
 * @param encoderOneCallerTextsPerSecond encoder + head alone, batch 1, one caller with ONNX Runtime
 *     using every core (for reference)
 */
public record BenchResult(
    int leads,
    int partitions,
    int streamThreads,
    List<Double> pipelineRounds,
    double pacedRatePerSecond,
    long latencyP50Ms,
    long latencyP99Ms,
    List<Double> encoderRounds,
    double encoderOneCallerTextsPerSecond) {

  public BenchResult {
    pipelineRounds = List.copyOf(pipelineRounds);
    encoderRounds = List.copyOf(encoderRounds);
    if (pipelineRounds.isEmpty() || pipelineRounds.size() != encoderRounds.size()) {
      throw new IllegalArgumentException("one encoder rate per pipeline round, at least one");
    }
  }

  /** Median leads/s of the rounds. */
  public double pipelineLeadsPerSecond() {
    return median(pipelineRounds);
  }

  /** Median texts/s of the encoder alone over the rounds. */
  public double encoderTextsPerSecond() {
    return median(encoderRounds);
  }

  /**
   * End-to-end throughput as a share of the encoder-alone rate in the same configuration: the
   * median of each round's pipeline rate over the encoder rate measured right after it.
   */
  public double ratio() {
    return median(ratios());
  }

  private List<Double> ratios() {
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < pipelineRounds.size(); r++) {
      ratios.add(pipelineRounds.get(r) / encoderRounds.get(r));
    }
    return ratios;
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        """
        rounds of a burst then the encoder alone on its texts:           %d (medians; range)
        pipeline, %d leads sent at once (%d partitions, %d stream threads):  %.1f leads/s (%s)
        pipeline latency, paced at %.0f leads/s:                         p50 %d ms, p99 %d ms
        encoder + head alone, same texts, batch 1, %d parallel callers:  %.1f texts/s (%s)
        encoder + head alone, batch 1, 1 caller using every core:       %.1f texts/s
        pipeline / encoder alone (same configuration, paired by round):  %.0f %% (%s)""",
        pipelineRounds.size(),
        leads,
        partitions,
        streamThreads,
        pipelineLeadsPerSecond(),
        range(pipelineRounds, 1, ""),
        pacedRatePerSecond,
        latencyP50Ms,
        latencyP99Ms,
        streamThreads,
        encoderTextsPerSecond(),
        range(encoderRounds, 1, ""),
        encoderOneCallerTextsPerSecond,
        100 * ratio(),
        range(ratios(), 100, " %"));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String range(List<Double> values, double scale, String unit) {
    double low = values.stream().mapToDouble(v -> v * scale).min().orElseThrow();
    double high = values.stream().mapToDouble(v -> v * scale).max().orElseThrow();
    return String.format(Locale.ROOT, scale == 1 ? "%.1f-%.1f%s" : "%.0f-%.0f%s", low, high, unit);
  }
}
