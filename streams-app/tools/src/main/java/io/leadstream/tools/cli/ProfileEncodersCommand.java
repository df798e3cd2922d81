package io.leadstream.tools.cli;

import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.tools.bench.EncoderProfile;
import io.leadstream.tools.bench.OperatorProfile;
import io.leadstream.tools.bench.OperatorProfile.OperatorTime;
import io.leadstream.tools.embedded.Folders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where an encoder's time goes, operator by operator, through ONNX Runtime's profiler. */
@Command(
    name = "profile-encoders",
    mixinStandardHelpOptions = true,
    description = {
      "Show where each encoder's time goes: read synthetic lead texts with ONNX Runtime's"
          + " operator profiler on, one text a call on one thread (as the pipeline's stream"
          + " threads read them), and print each operator type's time per text and share, then"
          + " the matrix products' time against everything else's. The matrix products are what"
          + " int8 weights speed up; the rest is why an int8 encoder gains less than its matrix"
          + " products do. The profiler slows each call a little: compare the encoders within one"
          + " run, and take their speeds from bench.",
      "Example: profile-encoders --encoders minilm,minilm-q --texts 1000"
    })
final class ProfileEncodersCommand implements Callable<Integer> {

  private static final int TOP = 12;

  @Option(
      names = "--encoders",
      split = ",",
      paramLabel = "ENCODER",
      defaultValue = "minilm,minilm-q",
      description =
          "Encoders to profile: names (minilm, minilm-q, bge-small-zh) or encoder spec files,"
              + " each with ':unfused' after it for its graph as exported (default:"
              + " ${DEFAULT-VALUE}).")
  List<String> encoders;

  @Option(
      names = "--texts",
      defaultValue = "1000",
      description = "Synthetic lead texts each encoder reads (default: ${DEFAULT-VALUE}).")
  int texts;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the synthetic leads (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Keep ONNX Runtime's profile files (Chrome trace JSON, one per encoder) in DIR;"
              + " by default they go to a temporary folder that is deleted.")
  Path keep;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (texts < 1) {
      throw new ParameterException(spec.commandLine(), "--texts must be at least 1");
    }
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(seed);
    List<String> leadTexts = new ArrayList<>(texts);
    for (int i = 0; i < texts; i++) {
      leadTexts.add(LeadText.of(generator.next().event()));
    }
    Path folder = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("ort");
    List<EncoderProfile.Profiled> profiled = new ArrayList<>();
    try {
      for (String encoder : encoders) {
        ConsoleProgress progress = new ConsoleProgress(out);
        profiled.add(
            EncoderProfile.run(
                encoder, leadTexts, folder, done -> progress.update(encoder, done, texts)));
        progress.finish();
      }
    } finally {
      if (keep == null) {
        Folders.deleteQuietly(folder);
      }
    }
    profiled.forEach(p -> print(out, p));
    printMatrixProducts(out, profiled);
    if (keep != null) {
      out.println("profile files: " + keep.toAbsolutePath());
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, EncoderProfile.Profiled profiled) {
    OperatorProfile profile = profiled.operators();
    out.printf(
        Locale.ROOT,
        "%n%s: %d calls, %.1f tokens a text, %.0f µs of operators a text%n",
        profiled.encoder(),
        profile.calls(),
        profiled.meanTokens(),
        profile.microsPerCall());
    out.printf(Locale.ROOT, "  %-26s %6s %10s %7s%n", "operator", "nodes", "µs/text", "share");
    List<OperatorTime> operators = profile.operators();
    for (OperatorTime operator : operators.subList(0, Math.min(TOP, operators.size()))) {
      out.printf(
          Locale.ROOT,
          "  %-26s %6.0f %10.1f %6.1f %%%n",
          operator.type(),
          operator.nodes(),
          operator.microsPerCall(),
          100 * operator.microsPerCall() / profile.microsPerCall());
    }
    if (operators.size() > TOP) {
      double rest =
          operators.subList(TOP, operators.size()).stream()
              .mapToDouble(OperatorTime::microsPerCall)
              .sum();
      out.printf(
          Locale.ROOT,
          "  %-26s %6s %10.1f %6.1f %%%n",
          (operators.size() - TOP) + " others",
          "",
          rest,
          100 * rest / profile.microsPerCall());
    }
  }

  private static void printMatrixProducts(PrintWriter out, List<EncoderProfile.Profiled> all) {
    out.printf(
        Locale.ROOT,
        "%n%-14s %18s %18s %10s%n",
        "encoder",
        "matrix products µs",
        "everything else µs",
        "total µs");
    for (EncoderProfile.Profiled profiled : all) {
      OperatorProfile profile = profiled.operators();
      double products = profile.matrixProductMicrosPerCall();
      out.printf(
          Locale.ROOT,
          "%-14s %18.1f %18.1f %10.1f%n",
          profiled.encoder(),
          products,
          profile.microsPerCall() - products,
          profile.microsPerCall());
    }
  }
}
