package io.leadstream.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BenchResultTest {

  @Test
  void shouldPairEachBurstWithTheEncoderRateMeasuredRightAfterIt() {
    // the machine slows down in round 2: both rates fall, their ratio does not
    BenchResult result =
        new BenchResult(
            4000,
            2,
            2,
            List.of(300.0, 150.0, 310.0),
            150,
            140,
            280,
            List.of(400.0, 200.0, 420.0),
            290,
            0,
            0,
            List.of(),
            null,
            1,
            1.0,
            Map.of(
                ThreadCpu.Group.STREAM_THREADS, 4.0,
                ThreadCpu.Group.APP_CLIENTS, 0.5,
                ThreadCpu.Group.BROKER, 1.5,
                ThreadCpu.Group.BENCH_CLIENTS, 0.2,
                ThreadCpu.Group.GC, 0.2,
                ThreadCpu.Group.OTHER_NATIVE, 0.1),
            2,
            50);

    assertThat(result.pipelineLeadsPerSecond()).isEqualTo(300.0);
    assertThat(result.encoderTextsPerSecond()).isEqualTo(400.0);
    // per round 0.75, 0.75, 0.738: the median of the paired ratios, not 300 / 400 by chance
    assertThat(result.ratio()).isCloseTo(0.75, within(1e-12));
    assertThat(result.describe())
        .contains("300.0 leads/s (150.0-310.0)")
        .contains("400.0 texts/s (200.0-420.0)")
        .contains("75 % (74-75 %)")
        .contains("CPU per lead during the bursts: 6.50 ms in all")
        .contains("the in-process broker:")
        .contains("1.50 ms (23 %)")
        // 2 callers at 400 texts/s: 5 ms of CPU a text; the app's own 4.0 + 0.5 + 0.3 ms a lead
        .contains("the encoder alone: 5.00 ms a text")
        .contains("4.80 ms a lead, so at most 104 % of the encoder's rate")
        // 3 x 4000 leads in 50 s on 2 cores: 6.5 ms a lead fill 78 %, the stream threads' 4.0 48 %
        .contains("busy during the bursts: the 2 cores 78 %, the 2 stream threads 48 % of their");
  }

  @Test
  void shouldCountTheEncoderAloneOnTheCoresItsCallersShare() {
    // 4 callers on 2 cores at 400 texts/s: 5 ms of a core a text, not 10
    BenchResult result =
        oneRoundAt300LeadsAnd400Texts(
            4, 0, 0, List.of(), null, Map.of(ThreadCpu.Group.STREAM_THREADS, 6.0), 20);

    assertThat(result.encoderCpuPerTextMs()).isCloseTo(5.0, within(1e-12));
    assertThat(result.describe())
        .contains("so at most 83 % of the encoder's rate")
        // 4000 leads at 6 ms in 20 s: 1.2 of the 2 cores, 0.3 of each of the 4 stream threads
        .contains("the 2 cores 60 %, the 4 stream threads 30 % of their time");
  }

  @Test
  void shouldTakeTheMiddleOfAnEvenNumberOfRounds() {
    BenchResult result =
        new BenchResult(
            4000,
            2,
            2,
            List.of(100.0, 300.0),
            100,
            1,
            2,
            List.of(200.0, 300.0),
            1,
            0,
            0,
            List.of(),
            null,
            1,
            1.0,
            Map.of(),
            2,
            0);

    assertThat(result.pipelineLeadsPerSecond()).isEqualTo(200.0);
    assertThat(result.ratio()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
  }

  @Test
  void shouldRefuseRoundsWithoutTheirEncoderRate() {
    assertThatThrownBy(
            () ->
                new BenchResult(
                    1,
                    1,
                    1,
                    List.of(1.0, 2.0),
                    1,
                    1,
                    1,
                    List.of(1.0),
                    1,
                    0,
                    0,
                    List.of(),
                    null,
                    1,
                    1.0,
                    Map.of(),
                    2,
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReportEachComparedEncodersRateAndShareOfTheGemm() {
    // 0.2 GFLOP per text; fp32 at 100 and 110 texts/s, int8 at 250 and 264 in the same passes
    EncoderRate fp32 =
        new EncoderRate("minilm", List.of(100.0, 110.0), 24.5, OptionalDouble.of(0.2e9));
    EncoderRate int8 =
        new EncoderRate("minilm-q", List.of(250.0, 264.0), 24.5, OptionalDouble.of(0.2e9));
    BenchResult result =
        oneRoundAt300LeadsAnd400Texts(
            2,
            180_000,
            312.4,
            List.of(fp32, int8),
            new GemmRate("25x384x1536", 2, 100.0),
            Map.of(),
            0);

    // medians 105 and 257 texts/s: 21.0 and 51.4 GFLOP/s of the GEMM's 100
    assertThat(result.describe())
        .contains("180000 extra leads with blank text in 312.4 s")
        .contains("minilm: 105.0 texts/s (100.0-110.0), 24.5 tokens per text")
        .contains("0.200 GFLOP per text: achieved 21.0 GFLOP/s = 21 % of the GEMM's 100.0 GFLOP/s")
        .contains("achieved 51.4 GFLOP/s = 51 % of the GEMM's 100.0 GFLOP/s")
        // per pass 2.5 and 2.4
        .contains("minilm-q / minilm (paired by pass): 2.45 (2.40-2.50)")
        .contains("GEMM 25x384x1536 float32 through libtorch, 2 callers of 1 thread each");
    assertThat(result.comparisonSummary())
        .isEqualTo(
            "minilm 105.0 texts/s, 21.0 GFLOP/s = 21 %;"
                + " minilm-q 257.0 texts/s, 51.4 GFLOP/s = 51 %, x2.45 of minilm");
  }

  @Test
  void shouldSayWhyAnEncoderOfUnknownDimensionsHasNoFlops() {
    EncoderRate unknown =
        new EncoderRate("spec.json", List.of(100.0, 100.0), 20, OptionalDouble.empty());
    BenchResult result =
        new BenchResult(
            1,
            1,
            1,
            List.of(1.0),
            1,
            1,
            1,
            List.of(1.0),
            1,
            0,
            0,
            List.of(unknown),
            new GemmRate("20x384x1536", 1, 50.0),
            1,
            1.0,
            Map.of(),
            2,
            0);

    assertThat(result.describe())
        .contains("FLOPs unknown (no dimensions for spec.json)")
        .doesNotContain("state filled");
  }

  @Test
  void shouldRefuseAGemmRateWithoutComparedEncoders() {
    assertThatThrownBy(
            () ->
                new BenchResult(
                    1,
                    1,
                    1,
                    List.of(1.0),
                    1,
                    1,
                    1,
                    List.of(1.0),
                    1,
                    0,
                    0,
                    List.of(),
                    new GemmRate("1x1x1", 1, 1),
                    1,
                    1.0,
                    Map.of(),
                    2,
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** One round of 4,000 leads at 300 leads/s, the encoder alone at 400 texts/s, on 2 cores. */
  private static BenchResult oneRoundAt300LeadsAnd400Texts(
      int threads,
      int stateLeads,
      double stateFillSeconds,
      List<EncoderRate> compared,
      GemmRate gemm,
      Map<ThreadCpu.Group, Double> cpuPerLead,
      double burstSeconds) {
    return new BenchResult(
        4000,
        threads,
        threads,
        List.of(300.0),
        150,
        140,
        280,
        List.of(400.0),
        290,
        stateLeads,
        stateFillSeconds,
        compared,
        gemm,
        1,
        1.0,
        cpuPerLead,
        2,
        burstSeconds);
  }
}
