package io.leadstream.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 *     in batches of {@code inferenceBatch}, as many parallel callers as stream threads, same engine
 *     settings as the pipeline
 * @param encoderOneCallerTextsPerSecond encoder + head alone, batch 1, one caller with ONNX Runtime
 *     using every core (for reference)
 * @param stateLeads extra leads with blank text filled into the state before the warm-up; 0 for
 *     none
 * @param stateFillSeconds how long sending them and awaiting their outcomes took
 * @param comparedEncoders encoders alone side by side on the last burst's texts (no head), batch 1,
 *     as many parallel callers as stream threads; empty when none were compared
 * @param gemm the machine's float32 GEMM rate with as many callers; null when no encoder was
 *     compared
 * @param inferenceBatch records the app's read-text step holds for one read ({@code
 *     leadstream.inference.batch.max}, or chosen from the encoder when it is 0): texts per call in
 *     the pipeline and in the encoder-alone rounds
 * @param textsPerPipelineCall texts the pipeline's read-text step read per call during the bursts,
 *     on average: how full its batches were (1 without batching)
 * @param cpuPerLead CPU milliseconds per lead during the bursts, by what the threads do
 * @param cores the machine's cores
 * @param burstSeconds the bursts' wall-clock time, all rounds together
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
    double encoderOneCallerTextsPerSecond,
    int stateLeads,
    double stateFillSeconds,
    List<EncoderRate> comparedEncoders,
    GemmRate gemm,
    int inferenceBatch,
    double textsPerPipelineCall,
    Map<ThreadCpu.Group, Double> cpuPerLead,
    int cores,
    double burstSeconds) {

  public BenchResult {
    pipelineRounds = List.copyOf(pipelineRounds);
    encoderRounds = List.copyOf(encoderRounds);
    comparedEncoders = List.copyOf(comparedEncoders);
    cpuPerLead = Map.copyOf(cpuPerLead);
    if (pipelineRounds.isEmpty() || pipelineRounds.size() != encoderRounds.size()) {
      throw new IllegalArgumentException("one encoder rate per pipeline round, at least one");
    }
    if (comparedEncoders.isEmpty() != (gemm == null)) {
      throw new IllegalArgumentException("a GEMM rate if and only if encoders were compared");
    }
  }

  /** These results with the encoders compared and the GEMM they are set against. */
  public BenchResult withComparison(List<EncoderRate> compared, GemmRate gemmRate) {
    return new BenchResult(
        leads,
        partitions,
        streamThreads,
        pipelineRounds,
        pacedRatePerSecond,
        latencyP50Ms,
        latencyP99Ms,
        encoderRounds,
        encoderOneCallerTextsPerSecond,
        stateLeads,
        stateFillSeconds,
        compared,
        gemmRate,
        inferenceBatch,
        textsPerPipelineCall,
        cpuPerLead,
        cores,
        burstSeconds);
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
        pipeline's read-text calls during the bursts (holding %d):        %.1f texts a call
        pipeline latency, paced at %.0f leads/s:                         p50 %d ms, p99 %d ms
        encoder + head alone, same texts, batch %d, %d parallel callers:  %.1f texts/s (%s)
        encoder + head alone, batch 1, 1 caller using every core:       %.1f texts/s
        pipeline / encoder alone (same configuration, paired by round):  %.0f %% (%s)%s%s%s""",
        pipelineRounds.size(),
        leads,
        partitions,
        streamThreads,
        pipelineLeadsPerSecond(),
        range(pipelineRounds, 1, ""),
        inferenceBatch,
        textsPerPipelineCall,
        pacedRatePerSecond,
        latencyP50Ms,
        latencyP99Ms,
        inferenceBatch,
        streamThreads,
        encoderTextsPerSecond(),
        range(encoderRounds, 1, ""),
        encoderOneCallerTextsPerSecond,
        100 * ratio(),
        range(ratios(), 100, " %"),
        describeCpu(),
        describeState(),
        describeComparison());
  }

  /**
   * Where the CPU went during the bursts, and what the app's own share would allow if the broker
   * and the bench's clients ran elsewhere, as in production: the app's CPU per lead against the
   * encoder's per text (its callers' cores over its rate).
   */
  private String describeCpu() {
    if (cpuPerLead.isEmpty()) {
      return "";
    }
    double total = cpuPerLead.values().stream().mapToDouble(ms -> ms).sum();
    StringBuilder text =
        new StringBuilder(
            String.format(Locale.ROOT, "%nCPU per lead during the bursts: %.2f ms in all", total));
    for (ThreadCpu.Group group : ThreadCpu.Group.values()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n  %-48s %.2f ms (%.0f %%)",
              group.description + ":",
              cpuPerLead.getOrDefault(group, 0.0),
              100 * cpuPerLead.getOrDefault(group, 0.0) / total));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%n  the encoder alone: %.2f ms a text; the app without the broker and the bench's"
                + " clients: %.2f ms a lead, so at most %.0f %% of the encoder's rate on its own"
                + " cores",
            encoderCpuPerTextMs(),
            appCpuPerLeadMs(),
            100 * appAloneBound()));
    text.append(
        String.format(
            Locale.ROOT,
            "%n  busy during the bursts: the %d cores %.0f %%, the %d stream threads %.0f %% of"
                + " their time (the rest they waited: for commits, polls, the bursts' ends or a core)",
            cores,
            100 * busyShare(total, cores),
            streamThreads,
            100
                * busyShare(
                    cpuPerLead.getOrDefault(ThreadCpu.Group.STREAM_THREADS, 0.0), streamThreads)));
    return text.toString();
  }

  /** The share of {@code threads} threads' time that CPU of {@code msPerLead} a lead filled. */
  private double busyShare(double msPerLead, int threads) {
    return msPerLead * leads * pipelineRounds.size() / (1000 * burstSeconds * threads);
  }

  /**
   * CPU per text of the encoder alone: its callers' cores over its median rate (callers beyond the
   * cores share them).
   */
  public double encoderCpuPerTextMs() {
    return 1000.0 * Math.min(streamThreads, cores) / encoderTextsPerSecond();
  }

  /** The share of the encoder's rate the app's own CPU a lead would allow on its own cores. */
  public double appAloneBound() {
    return encoderCpuPerTextMs() / appCpuPerLeadMs();
  }

  /**
   * CPU per lead of everything but the broker and the bench's clients: the app's threads and the
   * process's GC, JIT, RocksDB and other native threads (all counted as the app's, though the
   * broker's garbage is in the GC's share too: an upper bound).
   */
  public double appCpuPerLeadMs() {
    double all = cpuPerLead.values().stream().mapToDouble(ms -> ms).sum();
    return all
        - cpuPerLead.getOrDefault(ThreadCpu.Group.BROKER, 0.0)
        - cpuPerLead.getOrDefault(ThreadCpu.Group.BENCH_CLIENTS, 0.0);
  }

  private String describeState() {
    return stateLeads == 0
        ? ""
        : String.format(
            Locale.ROOT,
            "%nstate filled before the warm-up: %d extra leads with blank text in %.1f s",
            stateLeads,
            stateFillSeconds);
  }

  private String describeComparison() {
    if (comparedEncoders.isEmpty()) {
      return "";
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nencoders alone (no head) on the last burst's texts, batch 1, %d parallel callers,"
                    + " %d passes alternated (medians; range):",
                streamThreads,
                comparedEncoders.get(0).passes().size()));
    for (EncoderRate rate : comparedEncoders) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n  %s: %.1f texts/s (%s), %.1f tokens per text, %s",
              rate.encoder(),
              rate.textsPerSecond(),
              range(rate.passes(), 1, ""),
              rate.meanTokens(),
              achieved(rate)));
    }
    EncoderRate reference = comparedEncoders.get(0);
    for (EncoderRate rate : comparedEncoders.subList(1, comparedEncoders.size())) {
      List<Double> ratios = rate.ratiosTo(reference);
      text.append(
          String.format(
              Locale.ROOT,
              "%n  %s / %s (paired by pass): %.2f (%.2f-%.2f)",
              rate.encoder(),
              reference.encoder(),
              median(ratios),
              ratios.stream().mapToDouble(r -> r).min().orElseThrow(),
              ratios.stream().mapToDouble(r -> r).max().orElseThrow()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nGEMM %s float32 through libtorch, %d callers of 1 thread each: %.1f GFLOP/s",
            gemm.shape(),
            gemm.callers(),
            gemm.gflopsPerSecond()));
    return text.toString();
  }

  /**
   * {@code achieved X GFLOP/s = Y % of the GEMM's Z GFLOP/s}, with the FLOPs per text, or why not.
   */
  private String achieved(EncoderRate rate) {
    if (rate.achievedGflopsPerSecond().isEmpty()) {
      return "FLOPs unknown (no dimensions for " + rate.encoder() + ")";
    }
    double achieved = rate.achievedGflopsPerSecond().getAsDouble();
    return String.format(
        Locale.ROOT,
        "%.3f GFLOP per text: achieved %.1f GFLOP/s = %.0f %% of the GEMM's %.1f GFLOP/s",
        rate.flopsPerText().getAsDouble() / 1e9,
        achieved,
        100 * achieved / gemm.gflopsPerSecond(),
        gemm.gflopsPerSecond());
  }

  /**
   * The compared encoders for a report row: each one's median texts/s, achieved GFLOP/s and share
   * of the GEMM, and the others' ratio to the first; empty when none were compared.
   */
  public String comparisonSummary() {
    if (comparedEncoders.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    EncoderRate reference = comparedEncoders.get(0);
    for (EncoderRate rate : comparedEncoders) {
      String ratio =
          rate == reference
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", x%.2f of %s",
                  median(rate.ratiosTo(reference)),
                  reference.encoder());
      String flops =
          rate.achievedGflopsPerSecond().isEmpty()
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", %.1f GFLOP/s = %.0f %%",
                  rate.achievedGflopsPerSecond().getAsDouble(),
                  100 * rate.achievedGflopsPerSecond().getAsDouble() / gemm.gflopsPerSecond());
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %.1f texts/s%s%s",
              rate.encoder(),
              rate.textsPerSecond(),
              flops,
              ratio));
    }
    return String.join("; ", parts);
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
