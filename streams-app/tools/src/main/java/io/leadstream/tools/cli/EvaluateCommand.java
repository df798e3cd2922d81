package io.leadstream.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leadstream.app.cli.KafkaOptions;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.Cards;
import io.leadstream.app.evaluation.LabelledSnapshot;
import io.leadstream.app.evaluation.LiveEvaluation;
import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.TierRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints how the live scores did against the outcomes, per model version, beside the card. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate the live scores against the outcomes on the labelled topic (leads.labelled): per "
          + "model version, over the leads whose outcome occurred in the window, the count, AUC with "
          + "its 95 %% interval, log loss and Brier of score/100, calibration per decile and "
          + "conversion and lift per tier, beside the hold-out figures of the --bundle of that "
          + "version. The latest record of each lead counts (what compaction keeps). Exit code 3 "
          + "when a version warns: live AUC below the hold-out AUC by more than --margin, or "
          + "calibration off by more than --calibration-margin."
    })
public final class EvaluateCommand implements Callable<Integer> {

  static final int EXIT_WARNING = 3;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "P30D",
      description = "ISO-8601 length of the window of outcome times (default ${DEFAULT-VALUE}).")
  Duration window;

  @Option(
      names = "--until",
      paramLabel = "INSTANT",
      description = "End of the window, e.g. 2026-11-30T00:00:00Z (default now).")
  Instant until;

  @Option(
      names = "--bundle",
      paramLabel = "DIR|classpath:PATH",
      description =
          "A bundle whose card (manifest.json) gives the hold-out figures of its version. "
              + "Repeatable, one per version.")
  List<String> bundles = new ArrayList<>();

  @Option(
      names = "--margin",
      paramLabel = "AUC",
      defaultValue = "0.05",
      description =
          "Warn when the live AUC is below the hold-out AUC minus this (default ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--calibration-margin",
      paramLabel = "RATE",
      defaultValue = "0.05",
      description =
          "Warn when mean score/100 and observed conversion rate differ by more than this and "
              + "the mean lies outside the rate's 95 %% interval (default ${DEFAULT-VALUE}).")
  double calibrationMargin;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (window.isNegative() || window.isZero()) {
      throw new ParameterException(spec.commandLine(), "--window must be positive: " + window);
    }
    List<BundleManifest> cards = bundles.stream().map(Cards::read).toList();
    LeadStreamConfig config = kafka.toConfig();
    PrintWriter err = spec.commandLine().getErr();
    err.printf("Reading %s ...%n", config.labelledTopic());
    err.flush();
    LabelledSnapshot snapshot = LabelledSnapshot.read(config);
    err.printf(
        "Read %d records, %d leads%s%n",
        snapshot.records(),
        snapshot.leads().size(),
        snapshot.undecodable() == 0
            ? ""
            : ", "
                + snapshot.undecodable()
                + " undecodable records skipped (is "
                + LeadStreamConfig.OUTPUT_FORMAT_CONFIG
                + "="
                + config.outputFormat().settingName()
                + " the format the pipeline writes?)");
    err.flush();
    Report report =
        LiveEvaluation.evaluate(
            snapshot.leads(),
            until == null ? Instant.now() : until,
            window,
            cards,
            margin,
            calibrationMargin);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json().writeValueAsString(report));
    } else {
      print(out, config.labelledTopic(), report);
    }
    out.flush();
    return report.warns() ? EXIT_WARNING : 0;
  }

  static void print(PrintWriter out, String topic, Report report) {
    out.printf(
        "%s, outcomes after %s until %s: %d labelled leads scored, %d unmatched outcomes "
            + "(no score); outside the window: %d%n",
        topic,
        report.from(),
        report.until(),
        report.versions().stream().mapToInt(VersionReport::count).sum(),
        report.unmatched(),
        report.outsideWindow());
    if (report.versions().isEmpty()) {
      out.println("No labelled lead with a score in the window.");
    }
    for (VersionReport version : report.versions()) {
      printVersion(out, version);
    }
    for (String unused : report.unusedCards()) {
      out.printf("(no lead in the window was scored by bundle %s)%n", unused);
    }
  }

  private static void printVersion(PrintWriter out, VersionReport v) {
    EvaluationMetrics card = v.holdOut();
    out.println();
    out.printf(
        "model %s%s%n", v.modelVersion(), card == null ? " (no --bundle of this version)" : "");
    out.printf("%-22s %14s %10s%n", "", "live", card == null ? "" : "hold-out");
    row(out, "leads", Integer.toString(v.count()), card == null ? "" : count(card.count()));
    row(out, "converted", Integer.toString(v.positives()), "");
    row(out, "base rate", number(v.baseRate()), card == null ? "" : number(card.baseRate()));
    row(out, "mean score/100", number(v.meanPredicted()), "");
    row(out, "AUC", number(v.auc()), card == null ? "" : number(card.auc()));
    row(
        out,
        "  95 % interval",
        v.aucInterval() == null
            ? "-"
            : String.format(
                Locale.ROOT, "%.3f-%.3f", v.aucInterval().low(), v.aucInterval().high()),
        "");
    row(out, "log loss", number(v.logLoss()), card == null ? "" : number(card.logLoss()));
    row(out, "Brier", number(v.brier()), card == null ? "" : number(card.brier()));
    out.println("calibration per decile of score (tied scores share a bin):");
    out.printf("  %-6s %14s %14s %8s%n", "bin", "mean predicted", "observed rate", "leads");
    int bin = 1;
    for (CalibrationBin decile : v.calibration()) {
      out.printf(
          Locale.ROOT,
          "  %-6d %14.3f %14.3f %8d%n",
          bin++,
          decile.meanPredicted(),
          decile.observedRate(),
          decile.count());
    }
    out.println("tiers (as scored):");
    out.printf(
        "  %-13s %7s %9s %10s %7s %13s %13s%n",
        "tier", "leads", "converted", "conversion", "lift", "hold-out conv", "hold-out lift");
    for (TierRow tier : v.tiers()) {
      BundleManifest.TierOutcome holdOut =
          v.holdOutTiers().stream()
              .filter(t -> t.tier().equals(tier.tier().name()))
              .findFirst()
              .orElse(null);
      out.printf(
          Locale.ROOT,
          "  %-13s %7d %9d %10s %7s %13s %13s%n",
          tier.tier(),
          tier.leads(),
          tier.converted(),
          number(tier.conversionRate()),
          number(tier.lift()),
          holdOut == null ? "" : number(holdOut.conversionRate()),
          holdOut == null ? "" : number(holdOut.lift()));
    }
    for (String warning : v.warnings()) {
      out.printf("WARNING %s: %s%n", v.modelVersion(), warning);
    }
  }

  private static void row(PrintWriter out, String name, String live, String holdOut) {
    out.printf("%-22s %14s %10s%n", name, live, holdOut);
  }

  private static String count(int count) {
    return Integer.toString(count);
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
  }

  /** JSON with NaN and infinities as {@code null}, as in bundle manifests. */
  private static ObjectMapper json() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .registerModule(BundleManifest.finiteNumbers());
  }
}
