package io.leadstream.tools.cli;

import io.leadstream.app.cli.GpuProbeLogging;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.ZeroShotOpportunity;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.training.PromptComparison;
import io.leadstream.models.training.TrainingSet;
import io.leadstream.models.training.crm.CrmTrainingSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Measures each of several zero-shot prompts on a labelled export: AUC per prompt. */
@Command(
    name = "prompts",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score a labelled CRM export's texts with each of several zero-shot prompts through a"
          + " zero-shot bundle's model and print each prompt's AUC (with its 95 %% interval), so"
          + " the prompt is chosen on your own leads before any training.",
      "",
      "  prompts --bundle models/bundles/cold-start --data export.csv --mapping mapping.yaml"
          + " [--prompts prompts.txt]",
      "",
      "The export is read as train reads it (same mapping). The bundle's own prompt comes first;"
          + " then those of --prompts (one template a line, {text} where the lead's text goes,"
          + " \\n for a line break, # for a comment), or without it a few built-in ones. Leads"
          + " with blank or unreadable text get the bundle's prior under every prompt, as when"
          + " serving. To keep a prompt, write it into zeroShot.promptTemplate of the manifest."
    })
final class PromptsCommand implements Callable<Integer> {

  /** Compared when no --prompts file is given, after the bundle's own prompt. */
  static final List<String> BUILT_IN =
      List.of(
          ZeroShotSpec.DEFAULT_PROMPT_TEMPLATE,
          "Is this lead likely to buy? Answer yes or no.\n\n" + ZeroShotSpec.TEXT_PLACEHOLDER,
          "Lead: "
              + ZeroShotSpec.TEXT_PLACEHOLDER
              + "\n\nDoes this customer want to make a purchase soon? Answer yes or no.",
          "Read the sales notes and say if the deal will close.\n\nNotes: "
              + ZeroShotSpec.TEXT_PLACEHOLDER
              + "\n\nWill it close? yes or no");

  @Option(
      names = "--bundle",
      required = true,
      paramLabel = "DIR",
      description = "A zero-shot bundle folder (bundle init --kind zero-shot writes one).")
  Path bundle;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "Labelled CRM export, as for train: CSV, or .jsonl events.")
  Path data;

  @Option(
      names = "--mapping",
      required = true,
      paramLabel = "YAML",
      description = "The export's mapping, as for train: id, label and text columns.")
  Path mapping;

  @Option(
      names = "--prompts",
      paramLabel = "FILE",
      description = "Prompt templates to compare, one a line (default: a few built-in ones).")
  Path prompts;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    GpuProbeLogging.quietUnlessAskedFor(System.getenv());
    PrintWriter console = spec.commandLine().getOut();
    ZeroShotSpec zeroShot = zeroShotSpec();
    List<String> templates = templates(zeroShot.promptTemplate());
    console.printf("Reading %s through %s%n", data, mapping);
    CrmTrainingSet export = CrmTrainingSet.read(data, mapping);
    console.println(export.describe());
    export.warnings().forEach(w -> console.println("  warning: " + w));
    TrainingSet set = export.set();
    List<String> texts = set.leads().stream().map(lead -> LeadText.of(lead.event())).toList();
    boolean[] converted = set.labels();
    ConsoleProgress progress = new ConsoleProgress(console);
    List<PromptComparison.Result> results;
    long unread;
    try (ZeroShotOpportunity model =
        ZeroShotOpportunity.load(zeroShot, ModelSource.forFolder(bundle))) {
      PromptComparison comparison = new PromptComparison(model, progress);
      unread = comparison.unread(texts);
      console.printf("Scoring %,d texts with %d prompts%n", texts.size(), templates.size());
      results = comparison.compare(templates, texts, converted);
    }
    progress.finish();
    report(console, results, converted, unread, zeroShot.prior());
    return 0;
  }

  private ZeroShotSpec zeroShotSpec() throws IOException {
    Path file = bundle.resolve(BundleManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw usage("--bundle: " + file + " does not exist");
    }
    BundleManifest manifest = BundleManifest.fromJson(Files.readAllBytes(file));
    if (!manifest.readsTextZeroShot()) {
      throw usage(
          "--bundle: "
              + bundle
              + " reads text with a trained head, not zero-shot; prompts are for zero-shot"
              + " bundles (bundle init --kind zero-shot)");
    }
    return manifest.zeroShot();
  }

  /** The bundle's prompt first, then the file's or the built-in ones, each once. */
  private List<String> templates(String own) throws IOException {
    Set<String> templates = new LinkedHashSet<>();
    templates.add(own);
    if (prompts == null) {
      templates.addAll(BUILT_IN);
      return List.copyOf(templates);
    }
    List<String> lines = Files.readAllLines(prompts);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.contains(ZeroShotSpec.TEXT_PLACEHOLDER)) {
        throw usage(
            prompts
                + " line "
                + (i + 1)
                + ": no "
                + ZeroShotSpec.TEXT_PLACEHOLDER
                + " in '"
                + line
                + "'");
      }
      templates.add(line.replace("\\n", "\n"));
    }
    if (templates.size() < 2) {
      throw usage("--prompts: " + prompts + " has no prompt besides the bundle's own");
    }
    return List.copyOf(templates);
  }

  private static void report(
      PrintWriter console,
      List<PromptComparison.Result> results,
      boolean[] converted,
      long unread,
      double prior) {
    long positives = IntStream.range(0, converted.length).filter(i -> converted[i]).count();
    console.printf(
        Locale.ROOT,
        "%nAUC of each prompt on %,d leads (%,d converted); %,d without readable text get the"
            + " prior %.2f under every prompt:%n",
        converted.length,
        positives,
        unread,
        prior);
    console.printf("  %2s  %-6s  %-13s  %s%n", "#", "AUC", "95 % interval", "prompt");
    for (int i = 0; i < results.size(); i++) {
      PromptComparison.Result r = results.get(i);
      console.printf(
          Locale.ROOT,
          "  %2d  %.4f  %-13s  %s%s%n",
          i + 1,
          r.auc(),
          r.interval() == null
              ? "-"
              : String.format(Locale.ROOT, "%.3f-%.3f", r.interval().low(), r.interval().high()),
          r.template().replace("\n", "\\n"),
          i == 0 ? "   (the bundle's)" : "");
    }
    results.stream()
        .filter(r -> !Double.isNaN(r.auc()))
        .max(Comparator.comparingDouble(PromptComparison.Result::auc))
        .ifPresent(
            best ->
                console.printf(
                    "Highest AUC: prompt %d. 0.5 is chance; prompts whose intervals overlap are not"
                        + " told apart by these leads.%n",
                    results.indexOf(best) + 1));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
