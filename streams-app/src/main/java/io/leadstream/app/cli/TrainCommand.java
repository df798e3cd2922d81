package io.leadstream.app.cli;

import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.training.BundleTrainer;
import io.leadstream.models.training.TrainingSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a model bundle: text head and XGBoost scorer, with a hold-out evaluation. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a model bundle (opportunity head on text embeddings + XGBoost scorer) and "
        + "write it with its manifest, hold-out metrics and model card.",
        "This version trains on the project's seeded synthetic lead generator; the default bundle "
            + "models/bundles/default is made with: train --synthetic 4000 --seed 42 --out models/bundles/default"})
final class TrainCommand implements Callable<Integer> {

  @Option(names = "--synthetic", paramLabel = "N", defaultValue = "4000",
      description = "Train on N synthetic leads (default: ${DEFAULT-VALUE}).")
  int synthetic;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator, splits and XGBoost (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle folder to write, e.g. models/bundles/mine.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (synthetic < 300) {
      throw new IllegalArgumentException("--synthetic must be at least 300 leads to train and evaluate honestly, was " + synthetic);
    }
    PrintWriter console = spec.commandLine().getOut();
    console.printf("Training bundle %s on %d synthetic leads (seed %d)%n", out, synthetic, seed);
    ConsoleProgress progress = new ConsoleProgress(console);
    TrainingSummary summary = BundleTrainer.trainSynthetic(synthetic, seed, out, progress);
    progress.finish();
    console.printf("%nWrote %s (version %s) in %ds%n", summary.folder(), summary.version(), summary.took().toSeconds());
    console.printf("Hold-out (%d leads, base rate %.3f):%n", summary.holdOut().count(), summary.holdOut().baseRate());
    console.printf("  %-28s %7s %7s %8s %7s%n", "model", "AUC", "PR-AUC", "log loss", "Brier");
    print(console, "bundle (text + fields)", summary.holdOut());
    summary.baselines().forEach((name, metrics) -> print(console, name, metrics));
    return 0;
  }

  private static void print(PrintWriter out, String name, EvaluationMetrics m) {
    out.printf(Locale.ROOT, "  %-28s %7.3f %7.3f %8.3f %7.3f%n", name, m.auc(), m.prAuc(), m.logLoss(), m.brier());
  }
}
