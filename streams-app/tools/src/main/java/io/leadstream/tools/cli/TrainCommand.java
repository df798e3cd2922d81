package io.leadstream.tools.cli;

import io.leadstream.app.cli.GpuProbeLogging;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.evaluation.Confusion;
import io.leadstream.models.training.BundlePromotion;
import io.leadstream.models.training.BundleTrainer;
import io.leadstream.models.training.DefaultLeadFeatures;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.Language;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.models.training.TrainingOptions;
import io.leadstream.models.training.TrainingSet;
import io.leadstream.models.training.TrainingSummary;
import io.leadstream.models.training.crm.CrmTrainingSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Trains a model bundle from a CRM export (or synthetic leads) with an honest evaluation. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a model bundle (opportunity head on text embeddings + XGBoost scorer, calibrated,"
          + " with tier thresholds) and write it with its manifest, hold-out evaluation, plots"
          + " and MODEL_CARD.md.",
      "",
      "Your CRM export:  train --data export.csv --mapping mapping.yaml --out models/bundles/acme",
      "Synthetic leads:  train --synthetic 4000 --seed 42 --out models/bundles/default",
      "Chinese leads:    train --synthetic 4000 --seed 42 --language zh --encoder bge-small-zh"
          + " --out models/bundles/zh",
      "",
      "When --out already holds a bundle, the new one replaces it only if it ranks the new"
          + " hold-out better (AUC), unless --force; otherwise it stays in <out>.candidate.",
      "Exit codes: 0 written, 1 error (bad mapping, data refused), 4 not promoted."
    },
    footer = {"", "The mapping format and a worked example: docs/training.md"})
final class TrainCommand implements Callable<Integer> {

  static final int NOT_PROMOTED = 4;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  static final class Source {
    @ArgGroup(exclusive = false)
    Export export;

    @Option(
        names = "--synthetic",
        paramLabel = "N",
        description =
            "Train on N leads of the project's seeded synthetic generator (default 4000"
                + " when no --data is given).")
    Integer synthetic;
  }

  static final class Export {
    @Option(
        names = "--data",
        required = true,
        paramLabel = "FILE",
        description =
            "CRM export: CSV with a header row, one lead per row; or .jsonl, the CRM's own JSON"
                + " events, one object a line, columns named by dotted JSON paths.")
    Path data;

    @Option(
        names = "--mapping",
        required = true,
        paramLabel = "YAML",
        description = "Which columns are the id, label, time, text and features.")
    Path mapping;
  }

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "Bundle folder to write, e.g. models/bundles/acme; its name is the bundle name.")
  Path out;

  @Option(
      names = "--language",
      paramLabel = "en|zh",
      description =
          "Language of the synthetic leads' notes and messages (default: en)."
              + " Synthetic leads only: an export's text is read as it is.")
  String language;

  @Option(
      names = "--encoder",
      paramLabel = "NAME|SPEC.json",
      defaultValue = "minilm-q",
      description =
          "Text encoder to read the texts with: minilm-q (English MiniLM with int8 weights, 384-d),"
              + " minilm (the same in fp32), bge-small-zh (Chinese, 512-d), or an encoder spec JSON"
              + " file (any ONNX or TorchScript encoder, e.g. a Flan-T5 export; its relative files"
              + " beside it are copied into the bundle) (default: ${DEFAULT-VALUE}).")
  String encoder;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the generator, splits and XGBoost (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--hot-share",
      paramLabel = "SHARE",
      defaultValue = "0.10",
      description = "Share of leads in HOT, set on validation scores (default: ${DEFAULT-VALUE}).")
  double hotShare;

  @Option(
      names = "--hot-score",
      paramLabel = "SCORE",
      description = "HOT from this score (2-100) instead of a share.")
  Integer hotScore;

  @Option(
      names = "--capacity",
      paramLabel = "LEADS_PER_DAY",
      description = "Size HOT to what the team can call per day (needs a time column).")
  Integer capacity;

  @Option(
      names = "--force",
      description = "Replace the bundle in --out even if the new one is not better.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    GpuProbeLogging.quietUnlessAskedFor(System.getenv());
    PrintWriter console = spec.commandLine().getOut();
    TrainingOptions options = options();
    String name = BundleTrainer.bundleName(out);
    boolean replacing = BundlePromotion.holdsBundle(out);
    Path target = replacing ? out.resolveSibling(out.getFileName() + ".candidate") : out;
    ConsoleProgress progress = new ConsoleProgress(console);
    TrainingSet data = load(console, progress, options);
    TrainingSummary summary = new BundleTrainer(options.config(name), progress).train(data, target);
    progress.finish();
    report(console, summary);
    if (!replacing) {
      written(console, summary);
      return 0;
    }
    BundlePromotion.Decision decision = BundlePromotion.decide(out, summary, force);
    console.printf("%n%s.%n", capitalize(decision.reason()));
    if (!decision.promote()) {
      console.printf(
          "The new bundle stays in %s; its model card: %s%n",
          target, target.resolve(BundleTrainer.MODEL_CARD_FILE));
      return NOT_PROMOTED;
    }
    BundlePromotion.promote(target, out);
    written(console, summary);
    return 0;
  }

  private void written(PrintWriter console, TrainingSummary summary) {
    console.printf(
        "%nWrote %s (version %s); model card: %s%n",
        out, summary.version(), out.resolve(BundleTrainer.MODEL_CARD_FILE));
  }

  /** The options as training checks them; a refusal is a usage error. */
  private TrainingOptions options() {
    TrainingOptions.Builder options =
        source.export != null
            ? TrainingOptions.export()
            : TrainingOptions.synthetic(source.synthetic);
    try {
      return options
          .language(language)
          .encoder(encoder)
          .seed(seed)
          .hotShare(hotShare)
          .hotScore(hotScore)
          .capacity(capacity)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private TrainingSet load(PrintWriter console, ConsoleProgress progress, TrainingOptions options) {
    if (source.export != null) {
      console.printf("Reading %s through %s%n", source.export.data, source.export.mapping);
      CrmTrainingSet loaded = CrmTrainingSet.read(source.export.data, source.export.mapping);
      console.println(loaded.describe());
      loaded.warnings().forEach(w -> console.println("  warning: " + w));
      loaded.notes().forEach(n -> console.println("  note: " + n));
      return loaded.set();
    }
    int count = options.syntheticLeads();
    Language leadLanguage = options.leadLanguage();
    console.printf(
        "Generating %,d synthetic leads (seed %d, %s)%n", count, seed, leadLanguage.displayName());
    if (options.encoderMissesLeadLanguage()) {
      console.println(
          "Note: MiniLM reads English; most Chinese texts will not be readable and"
              + " count as no text. --encoder bge-small-zh reads them.");
    }
    progress.update("generate", 0, count);
    List<LabelledLead> leads = new SyntheticLeadGenerator(seed, leadLanguage).generate(count);
    progress.update("generate", count, count);
    return TrainingSet.of(
        leads, DefaultLeadFeatures.spec(leadLanguage), SyntheticLeadGenerator.source(leadLanguage));
  }

  private static void report(PrintWriter console, TrainingSummary s) {
    if (s.regression() != null) {
      console.printf("%nRegression, hold-out:%n  %-40s %12s %7s%n", "model", "MSE", "R²");
      s.regression()
          .forEach(
              (name, m) ->
                  console.printf(Locale.ROOT, "  %-40s %12.4g %7.3f%n", name, m.mse(), m.r2()));
      console.println("Ranking of the leads above the median target:");
    }
    console.printf(
        "%nHold-out: %,d leads (%s split), base rate %.3f%n",
        s.holdOut().count(), s.data().split(), s.holdOut().baseRate());
    console.printf("  %-46s %7s %7s %8s %7s%n", "model", "AUC", "PR-AUC", "log loss", "Brier");
    print(console, "this bundle (" + s.inputs() + ")", s.holdOut());
    s.baselines().forEach((name, metrics) -> print(console, name, metrics));
    if (s.aucInterval() != null) {
      console.printf(
          Locale.ROOT,
          "  AUC of this bundle: 95 %% interval %.3f-%.3f (0.5 = chance)%n",
          s.aucInterval().low(),
          s.aucInterval().high());
    }
    console.printf(
        "%nLeads each model calls converting: at p >= 0.5, and at the HOT cut (as many"
            + " as HOT holds, more on ties)%n");
    console.printf(
        "  %-46s %-8s %7s %8s %9s %7s %7s%n",
        "model", "cut", "called", "accuracy", "precision", "recall", "F1");
    s.atHalf().forEach((name, c) -> print(console, name, "p >= 0.5", c));
    s.atHotCut().forEach((name, c) -> print(console, name, "HOT cut", c));
    console.printf("Tiers: %s.%n", s.tierRule());
    console.printf("%nReasons of the hold-out's highest-scored, median and lowest-scored leads:%n");
    s.reasonExamples().forEach(line -> console.println("  " + line));
    for (String warning : s.warnings()) {
      if (warning.startsWith("NO SIGNAL")) {
        console.printf("%n*** %s ***%n%n", warning);
      } else {
        console.println("Warning: " + warning);
      }
    }
  }

  private static void print(PrintWriter out, String name, EvaluationMetrics m) {
    out.printf(
        Locale.ROOT,
        "  %-46s %7.3f %7.3f %8.3f %7.3f%n",
        name,
        m.auc(),
        m.prAuc(),
        m.logLoss(),
        m.brier());
  }

  private static void print(PrintWriter out, String name, String cut, Confusion c) {
    out.printf(
        Locale.ROOT,
        "  %-46s %-8s %7d %8s %9s %7s %7s%n",
        name,
        cut,
        c.tp() + c.fp(),
        ratio(c.accuracy()),
        ratio(c.precision()),
        ratio(c.recall()),
        ratio(c.f1()));
  }

  /** A ratio with three decimals; "n/a" when undefined (no lead called). */
  private static String ratio(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
