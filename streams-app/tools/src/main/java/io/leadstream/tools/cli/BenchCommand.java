package io.leadstream.tools.cli;

import io.leadstream.app.config.LeadStreamConfig.InputFormat;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.tools.bench.BenchResult;
import io.leadstream.tools.bench.EncoderChoice;
import io.leadstream.tools.bench.FormatBenchmark;
import io.leadstream.tools.bench.FormatBenchmark.FormatResult;
import io.leadstream.tools.bench.PipelineBenchmark;
import io.leadstream.tools.bench.ThreadCpu;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Measures the pipeline on the embedded broker against the encoder alone. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Push synthetic leads through the running topology on an embedded broker and report "
          + "leads/s and p50/p99 end-to-end latency, then run the encoder alone on the same texts "
          + "(texts/s), so the cost of everything else shows as a ratio; then the encoders of "
          + "--compare-encoders alone side by side (fp32 and int8 MiniLM by default) and the share "
          + "of the machine's float32 GEMM rate they achieve. --state-leads runs it all with a "
          + "larger state."
    })
final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--leads",
      defaultValue = "4000",
      description = "Leads in each throughput burst (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--warmup",
      defaultValue = "6000",
      description =
          "Leads sent first and not measured; the in-process broker, clients and Streams need a good while of JIT compilation (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--paced",
      defaultValue = "300",
      description = "Leads in the latency phase (default: ${DEFAULT-VALUE}).")
  int paced;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description =
          "Partitions of the input topic; stream threads default to one per core (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--seed",
      defaultValue = "11",
      description = "Seed of the synthetic leads (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--formats",
      split = ",",
      paramLabel = "FORMAT",
      description =
          "Instead: compare input formats (avro, json, confluent-avro) in one run, one app each on"
              + " one broker and registry, bursts of --leads leads to each in turn for --rounds"
              + " rounds; prints each format's median leads/s and its spread.")
  List<String> formats;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Throughput bursts, each followed by the encoder alone on its texts (pipeline and"
              + " encoder alternated; medians and range reported); with --formats, bursts per"
              + " format (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--state-leads",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Before the warm-up, fill the app's state with N extra leads (new ids, never used again),"
              + " sent through the pipeline and awaited like the warm-up. Their text is blank, and a"
              + " blank text skips the encoder (it gets the model's prior), so they are cheap; the"
              + " fill's time is printed. The bench itself sends about 18,000 leads: --state-leads"
              + " 180000 measures with ten times as many in the state (default: ${DEFAULT-VALUE}).")
  int stateLeads;

  @Option(
      names = "--compare-encoders",
      split = ",",
      paramLabel = "ENCODER",
      defaultValue = "minilm,minilm-q",
      description =
          "After the other phases, run these encoders alone (no head) on the last burst's texts,"
              + " batch 1, one caller per stream thread with one ONNX Runtime thread per call,"
              + " over 8 passes, 4 slices of the texts each once in each order (A-B, B-A); prints each one's median texts/s, the others'"
              + " ratio to the first, and, from its dimensions and the texts' token counts, the"
              + " GFLOP/s it achieves against a float32 GEMM the bench times through libtorch. Named"
              + " encoders (minilm, minilm-q, bge-small-zh) or encoder spec JSON files, each with"
              + " ':unfused' after it for its graph as exported (minilm-q:unfused); an empty value"
              + " (--compare-encoders=) runs neither (default: ${DEFAULT-VALUE}).")
  List<String> compareEncoders;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Append the results as a Markdown table row to FILE (e.g. docs/benchmarks.md).")
  Path report;

  @Mixin EmbeddedOptions embedded;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (formats != null) {
      return compareFormats(out);
    }
    if (stateLeads < 0) {
      throw new ParameterException(
          spec.commandLine(), "--state-leads must be 0 or more, got " + stateLeads);
    }
    List<String> encoders = comparedEncoders();
    out.printf("Starting an embedded broker and LeadStream (%d partition(s)) ...%n", partitions);
    out.flush();
    BenchResult result;
    PipelineBenchmark bench;
    try (EmbeddedPipeline pipeline = embedded.start("leadstream-bench", partitions)) {
      bench =
          new PipelineBenchmark(
              pipeline,
              line -> {
                out.println("  " + line);
                out.flush();
              });
      result = bench.run(leads, rounds, warmup, paced, seed, partitions, stateLeads);
    }
    if (!encoders.isEmpty()) {
      out.println("  app and broker stopped: the encoders compared run alone in the process");
    }
    result = bench.withEncodersCompared(result, encoders);
    out.printf("%n%s%n%s%n", machine(), result.describe());
    if (report != null) {
      append(report, result);
      out.println("Appended to " + report);
    }
    return 0;
  }

  private int compareFormats(PrintWriter out) throws InterruptedException {
    List<InputFormat> chosen = formats.stream().map(this::inputFormat).toList();
    out.printf("Starting an embedded broker, a registry and %d apps ...%n", chosen.size());
    out.flush();
    List<FormatResult> results;
    try (FormatBenchmark bench =
        new FormatBenchmark(
            embedded.configs("leadstream-bench"),
            chosen,
            partitions,
            line -> {
              out.println("  " + line);
              out.flush();
            })) {
      results = bench.run(leads, warmup, rounds, seed);
    }
    out.printf("%n%s%n", machine());
    FormatResult reference = results.get(0);
    for (FormatResult r : results) {
      out.printf(
          Locale.ROOT,
          "%-15s median %7.1f leads/s (min %.1f, max %.1f over %d bursts of %d);"
              + " against %s in the same round: median %+.1f %%%n",
          r.settingName(),
          r.median(),
          r.min(),
          r.max(),
          r.leadsPerSecond().size(),
          leads,
          reference.settingName(),
          100 * (r.medianRatioTo(reference) - 1));
    }
    return 0;
  }

  /** The encoders to compare, each checked before anything starts. */
  private List<String> comparedEncoders() {
    List<String> named =
        compareEncoders == null
            ? List.of()
            : compareEncoders.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    for (String encoder : named) {
      try {
        LocatedEncoder.of(EncoderChoice.encoder(encoder));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--compare-encoders: " + e.getMessage());
      }
    }
    return named;
  }

  private InputFormat inputFormat(String name) {
    try {
      return InputFormat.of(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--formats: " + name + " is none of avro, json, confluent-avro");
    }
  }

  private String settings() {
    return String.format(
        Locale.ROOT,
        "%d leads x %d rounds, warm-up %d, %d partition(s), %s%s%s",
        leads,
        rounds,
        warmup,
        partitions,
        stateLeads == 0 ? "" : String.format(Locale.ROOT, "%d state leads, ", stateLeads),
        embedded.modelBundle,
        embedded.overrides.isEmpty() ? "" : ", " + embedded.overrides);
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux: keep "unknown CPU"
    }
    return String.format(
        Locale.ROOT,
        "%s, %d cores, Java %s, heap max %d MiB",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20);
  }

  /** CPU ms a lead of the app, the broker and the bench's clients, and the app-alone bound. */
  private static String cpuSummary(BenchResult r) {
    if (r.cpuPerLead().isEmpty()) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "app %.2f, broker %.2f, bench clients %.2f (app alone: %.0f %%)",
        r.appCpuPerLeadMs(),
        r.cpuPerLead().get(ThreadCpu.Group.BROKER),
        r.cpuPerLead().get(ThreadCpu.Group.BENCH_CLIENTS),
        100 * r.appAloneBound());
  }

  private void append(Path file, BenchResult r) throws IOException {
    String row =
        String.format(
            Locale.ROOT,
            "| %s | %s | %s, %d stream threads | %.1f | %d / %d | %.1f | %.1f | %.0f %% | %s | %s"
                + " | %s | %s |%n",
            LocalDate.now(),
            machine(),
            settings(),
            r.streamThreads(),
            r.pipelineLeadsPerSecond(),
            r.latencyP50Ms(),
            r.latencyP99Ms(),
            r.encoderTextsPerSecond(),
            r.encoderOneCallerTextsPerSecond(),
            100 * r.ratio(),
            r.stateLeads() == 0
                ? "-"
                : String.format(Locale.ROOT, "%d (%.1f s)", r.stateLeads(), r.stateFillSeconds()),
            r.comparedEncoders().isEmpty() ? "-" : r.comparisonSummary(),
            r.gemm() == null
                ? "-"
                : String.format(
                    Locale.ROOT, "%.1f (%s)", r.gemm().gflopsPerSecond(), r.gemm().shape()),
            cpuSummary(r));
    Files.writeString(file, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
