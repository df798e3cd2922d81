package io.leadstream.tools.cli;

import io.leadstream.app.cli.GpuProbeLogging;
import io.leadstream.app.cli.KafkaOptions;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.LabelledSnapshot;
import io.leadstream.models.training.BundlePromotion;
import io.leadstream.models.training.BundleTrainer;
import io.leadstream.models.training.TrainingSummary;
import io.leadstream.tools.retrain.BundleHistory;
import io.leadstream.tools.retrain.OutcomeSplit;
import io.leadstream.tools.retrain.PromotionGate;
import io.leadstream.tools.retrain.RetrainResult;
import io.leadstream.tools.retrain.RetrainSettings;
import io.leadstream.tools.retrain.Retrainer;
import io.leadstream.tools.retrain.WindowComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Retrains the served bundle from the outcomes on leads.labelled and promotes it behind a gate. */
@Command(
    name = "retrain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Retrain the bundle in --bundle (the folder the pipeline reloads from,"
          + " leadstream.model.bundle) from the outcomes on the labelled topic (leads.labelled), and"
          + " promote the new one only if it ranks the most recent outcomes better.",
      "",
      "Each labelled lead with a score becomes a training lead: its event as the pipeline knew it a"
          + " horizon before the outcome, converted for label 1; outcomes without one are skipped."
          + " The leads whose outcome falls in the last --window are the comparison window and are"
          + " never trained on; the others train a candidate with the current bundle's features,"
          + " encoder and seed, written to <bundle>.candidate. Both bundles then score the window as"
          + " the pipeline does; the candidate replaces the current one only when its AUC is at"
          + " least --min-auc-ratio times the current AUC (and, at a ratio of 1 or more, above it)."
          + " The replaced version is kept in <bundle>.versions/ (see `rollback`).",
      "",
      "Runs once (for cron or a Kubernetes CronJob), or every --every until stopped.",
      "Exit codes: 0 promoted, 4 not promoted, 5 refused (too few labelled leads), 1 error."
    },
    footer = {
      "",
      "The gate, the history and a CronJob: docs/training.md, Retraining from outcomes"
    })
final class RetrainCommand implements Callable<Integer> {

  static final int REFUSED = 5;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--bundle",
      required = true,
      paramLabel = "DIR",
      description =
          "The bundle folder the pipeline reloads from (leadstream.model.bundle); it must hold the"
              + " current bundle. Its parent must be writable: <DIR>.candidate and <DIR>.versions"
              + " lie beside it.")
  Path bundle;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "P7D",
      description =
          "ISO-8601 length of the comparison window of outcome times, ending at --until"
              + " (default ${DEFAULT-VALUE}).")
  Duration window;

  @Option(
      names = "--until",
      paramLabel = "INSTANT",
      description =
          "End of the comparison window, e.g. 2026-11-30T00:00:00Z; later outcomes are left out"
              + " (default: the newest outcome).")
  Instant until;

  @Option(
      names = "--train-window",
      paramLabel = "DURATION",
      description =
          "Train only on the outcomes of this ISO-8601 length before the comparison window, e.g."
              + " P90D after the market changed (default: every earlier outcome).")
  Duration trainWindow;

  @Option(
      names = "--min-auc-ratio",
      paramLabel = "R",
      defaultValue = "1.0",
      description =
          "Promote when the candidate's AUC on the window is at least R x the current one's;"
              + " at R >= 1 it must also be above it, so the default ${DEFAULT-VALUE} promotes"
              + " only a better candidate, and 0.95 one up to 5 %% worse.")
  double minAucRatio;

  @Option(
      names = "--force",
      description = "Promote the candidate whatever the AUCs (not one with the current version).")
  boolean force;

  @Option(
      names = "--keep",
      paramLabel = "N",
      defaultValue = "5",
      description = "Replaced versions kept in <DIR>.versions (default ${DEFAULT-VALUE}).")
  int keep;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description =
          "Retrain every DURATION (ISO-8601, e.g. PT24H) in this process until stopped, instead of"
              + " once; a run that fails is reported and the next one tried.")
  Duration every;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    GpuProbeLogging.quietUnlessAskedFor(System.getenv());
    RetrainSettings settings = settings();
    LeadStreamConfig config = kafka.toConfig();
    PrintWriter console = spec.commandLine().getOut();
    if (every == null) {
      return runOnce(console, config, settings);
    }
    while (true) {
      try {
        runOnce(console, config, settings);
      } catch (RuntimeException e) {
        console.printf("Retraining failed: %s%n", e.getMessage());
      }
      console.printf("Next retraining at %s%n", Instant.now().plus(every));
      console.flush();
      Thread.sleep(every.toMillis());
    }
  }

  private RetrainSettings settings() {
    if (every != null && (every.isNegative() || every.isZero())) {
      throw new ParameterException(spec.commandLine(), "--every must be positive: " + every);
    }
    RetrainSettings settings;
    try {
      settings =
          new RetrainSettings(
              bundle, window, until, trainWindow, new PromotionGate(minAucRatio, force), keep);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!BundlePromotion.holdsBundle(bundle)) {
      throw new ParameterException(
          spec.commandLine(),
          "--bundle "
              + bundle
              + " holds no bundle (no manifest.json): retrain replaces a bundle the pipeline"
              + " serves; write the first one with `leadstream train --out "
              + bundle
              + "` or `bundle init`");
    }
    return settings;
  }

  private static int runOnce(
      PrintWriter console, LeadStreamConfig config, RetrainSettings settings) {
    String origin = Retrainer.origin(config);
    console.printf("Reading %s ...%n", origin);
    console.flush();
    LabelledSnapshot snapshot = LabelledSnapshot.read(config);
    console.printf(
        "Read %,d records, %,d leads (the latest record of each)%n",
        snapshot.records(), snapshot.leads().size());
    ConsoleProgress progress = new ConsoleProgress(console);
    RetrainResult result = new Retrainer(settings, progress).retrain(snapshot.leads(), origin);
    progress.finish();
    report(console, settings, result);
    console.flush();
    return switch (result.outcome()) {
      case PROMOTED -> 0;
      case NOT_PROMOTED -> TrainCommand.NOT_PROMOTED;
      case REFUSED -> REFUSED;
    };
  }

  private static void report(PrintWriter out, RetrainSettings settings, RetrainResult result) {
    OutcomeSplit split = result.split();
    out.printf(
        "Skipped: %,d outcomes without a scored event (no asOf), %,d after the window, %,d before"
            + " the training window%n",
        split.unmatched(), split.afterUntil(), split.beforeTraining());
    if (split.until() != null) {
      out.printf(
          "Training: %,d leads (%,d converted), outcomes at or before %s%n",
          split.training().size(), OutcomeSplit.converted(split.training()), split.from());
      out.printf(
          "Comparison window: %,d leads (%,d converted), outcomes after %s until %s%n",
          split.comparison().size(),
          OutcomeSplit.converted(split.comparison()),
          split.from(),
          split.until());
    }
    if (result.outcome() == RetrainResult.Outcome.REFUSED) {
      out.printf("%nRefused: %s%n", result.reason());
      out.printf(
          "The bundle in %s (version %s) stays.%n", settings.bundle(), result.currentVersion());
      return;
    }
    TrainingSummary trained = result.summary();
    out.printf(
        Locale.ROOT,
        "Candidate %s: hold-out AUC %.3f on %,d of the training leads (its own %s split)%n",
        trained.version(),
        trained.holdOut().auc(),
        trained.holdOut().count(),
        trained.data().split());
    trained.warnings().forEach(warning -> out.println("  warning: " + warning));
    WindowComparison c = result.comparison();
    out.printf(
        "%nOn the comparison window, both scored as the pipeline scores them:%n"
            + "  %-10s %-44s %7s  %s%n",
        "bundle", "version", "AUC", "95 % interval (DeLong)");
    row(out, "current", result.currentVersion(), c.current());
    row(out, "candidate", result.candidateVersion(), c.candidate());
    if (c.currentProblem() != null) {
      out.printf("The current bundle cannot be scored: %s%n", c.currentProblem());
    }
    out.printf("%nGate: %s.%n", result.reason());
    if (result.outcome() == RetrainResult.Outcome.PROMOTED) {
      out.printf(
          "Promoted: %s now holds %s; %s is kept in %s (`rollback` restores it).%n",
          settings.bundle(),
          result.candidateVersion(),
          result.currentVersion(),
          new BundleHistory(settings.bundle()).folder());
    } else {
      out.printf(
          "Not promoted: %s keeps %s; the candidate stays in %s, its model card: %s%n",
          settings.bundle(),
          result.currentVersion(),
          result.candidate(),
          result.candidate().resolve(BundleTrainer.MODEL_CARD_FILE));
    }
  }

  private static void row(
      PrintWriter out, String which, String version, WindowComparison.Ranking ranking) {
    out.printf(
        Locale.ROOT,
        "  %-10s %-44s %7s  %s%n",
        which,
        version,
        Double.isFinite(ranking.auc()) ? String.format(Locale.ROOT, "%.4f", ranking.auc()) : "-",
        ranking.interval() == null
            ? "-"
            : String.format(
                Locale.ROOT, "%.3f-%.3f", ranking.interval().low(), ranking.interval().high()));
  }
}
