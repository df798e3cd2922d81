package io.leadstream.tools.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the JMH micro-benchmarks of the encoder and the scorer. */
@Command(
    name = "microbench",
    mixinStandardHelpOptions = true,
    description = {
      "JMH micro-benchmarks: the encoder + head (batch 1 and 32, one ONNX Runtime thread per "
          + "call or every core), XGBoost scoring with reasons, any encoder spec alone (batch 1 "
          + "and 16), a zero-shot spec alone (ZeroShotBenchmark) and the float GEMM rate "
          + "(GemmBenchmark, GFLOP/s in its gemm:flops counter). "
          + "Forks one JVM per benchmark.",
      "Example: microbench --include SpecEncoderBenchmark "
          + "-p spec=minilm,models/serving/src/test/resources/t5-tiny/encoder-pytorch.json"
    })
final class MicrobenchCommand implements Callable<Integer> {

  @Option(
      names = "--include",
      defaultValue = "io.leadstream.tools.bench.micro.*",
      description = "Regex of the benchmarks to run (default: all).")
  String include;

  @Option(
      names = {"-t", "--threads"},
      defaultValue = "1",
      description = "Parallel callers, each with its own scorer (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--seconds",
      defaultValue = "5",
      description = "Length of each warm-up and measurement iteration (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--iterations",
      defaultValue = "3",
      description =
          "Measurement iterations after 2 warm-up iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=V1,V2",
      description = "Benchmark parameter values, as JMH's -p (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .threads(threads)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .jvmArgsAppend("-Dai.djl.offline=true", "-DLEADSTREAM_LOG_LEVEL=WARN");
    params.forEach((name, values) -> options.param(name, values.split(",")));
    new Runner(options.build()).run();
    return 0;
  }
}
