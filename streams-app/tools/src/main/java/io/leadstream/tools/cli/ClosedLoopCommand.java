package io.leadstream.tools.cli;

import io.leadstream.app.cli.GpuProbeLogging;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.models.training.SyntheticLeadGenerator.Regime;
import io.leadstream.tools.scenario.ClosedLoopScenario;
import io.leadstream.tools.scenario.ScenarioFiles;
import io.leadstream.tools.scenario.ScenarioResult;
import io.leadstream.tools.scenario.ScenarioSettings;
import io.leadstream.tools.scenario.ScenarioTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the closed-loop scenario on an embedded broker and writes its figures and plots. */
@Command(
    name = "closed-loop",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the closed loop on an embedded broker with synthetic leads: the pipeline scores them,"
          + " their outcomes arrive --outcome-delay later in event time and are labelled onto"
          + " leads.labelled, and after each phase the live window is evaluated (as `evaluate`"
          + " does) against the serving bundle's card.",
      "",
      "  phase A  --leads leads of the process the bundle was trained on",
      "  phase B  --leads leads after the hidden process shifts (--shift): the live AUC falls"
          + " and the warning is raised",
      "  retrain  a candidate trained by the retrain library on phase B's outcomes on"
          + " leads.labelled (those since the shift), the last third set apart to judge it against"
          + " the serving bundle; promoted into the folder if it ranks them better, and the"
          + " pipeline reloads it",
      "  phase C  --leads more leads of the shifted process, scored by what serves then",
      "",
      "The pipeline serves from <out>/<bundle name>, a copy of --model-bundle that it reloads.",
      "Writes into --out: "
          + ScenarioFiles.TABLE
          + " (the table printed), "
          + ScenarioFiles.JSON
          + " (every phase's evaluation), "
          + ScenarioFiles.AUC_PLOT
          + " and "
          + ScenarioFiles.CALIBRATION_PLOT
          + ".",
      "",
      "Example:  leadstream scenario closed-loop --leads 2000 --out target/closed-loop"
    },
    footer = {"", "The scenario and a run's figures: docs/closed-loop.md"})
final class ClosedLoopCommand implements Callable<Integer> {

  @Option(
      names = "--leads",
      paramLabel = "N",
      defaultValue = "2000",
      description = "New leads per phase, one event each (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the leads and their outcomes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--outcome-delay",
      paramLabel = "DURATION",
      defaultValue = "P3D",
      description =
          "ISO-8601 time from a lead's event to its outcome; longer than the labels' horizon"
              + " (leadstream.labels.horizon.ms, default 1 day) (default: ${DEFAULT-VALUE}).")
  Duration outcomeDelay;

  @Option(
      names = "--margin",
      paramLabel = "AUC",
      defaultValue = "0.10",
      description =
          "Warn when the live AUC is below the card's hold-out AUC minus this (default:"
              + " ${DEFAULT-VALUE}, wider than evaluate's 0.05: the shipped card's 0.887 is above"
              + " what the bundle reaches on fresh leads of its own process, and a phase of a few"
              + " hundred leads has an interval of about +-0.04).")
  double margin;

  @Option(
      names = "--calibration-margin",
      paramLabel = "RATE",
      defaultValue = "0.05",
      description =
          "Warn when mean score/100 and observed conversion rate differ by more than this and"
              + " the mean lies outside the rate's 95 %% interval (default: ${DEFAULT-VALUE}).")
  double calibrationMargin;

  @Option(
      names = "--shift",
      paramLabel = "REGIME",
      defaultValue = "budget-led",
      description =
          "The hidden process from phase B on: budget-led (only the budget moves the odds, four"
              + " times as much as before, and a lead without one seldom converts; the text and"
              + " the other fields no longer do), or standard for a control run without a shift"
              + " (default: ${DEFAULT-VALUE}).")
  String shift;

  @Option(names = "--no-retrain", description = "Stop after phase B: no retrain, no phase C.")
  boolean noRetrain;

  @Option(
      names = "--model-bundle",
      paramLabel = "DIR|classpath:…",
      defaultValue = LeadStreamConfig.MODEL_BUNDLE_DEFAULT,
      description =
          "Bundle to start from, copied into <out>/<its name> (default: ${DEFAULT-VALUE}).")
  String modelBundle;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for the bundle, the table, the JSON and the plots.")
  Path out;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description = "Any LeadStream or Kafka Streams setting of the pipeline. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = {"-v", "--verbose"},
      description = "Show the broker's, Kafka's and LeadStream's logs on stderr.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Regime shifted;
    try {
      shifted = Regime.named(shift);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--shift: " + e.getMessage());
    }
    ScenarioSettings settings;
    try {
      settings =
          new ScenarioSettings(
              leads,
              seed,
              shifted,
              outcomeDelay,
              margin,
              calibrationMargin,
              !noRetrain,
              modelBundle,
              out,
              overrides);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--leads: " + e.getMessage());
    }
    // quiet only once the options are checked: a usage error changes no logging of the process
    GpuProbeLogging.quietUnlessAskedFor(System.getenv());
    ConsoleLogging.quiet(verbose);
    PrintWriter console = spec.commandLine().getOut();
    ConsoleProgress progress = new ConsoleProgress(console);
    ScenarioResult result;
    try {
      result = new ClosedLoopScenario(settings, progress).run();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } finally {
      progress.finish();
    }
    console.println();
    ScenarioTable.print(console, result);
    ScenarioFiles.write(out, result, margin);
    console.printf(
        "%nWrote %s, %s, %s and %s in %s%n",
        ScenarioFiles.TABLE,
        ScenarioFiles.JSON,
        ScenarioFiles.AUC_PLOT,
        ScenarioFiles.CALIBRATION_PLOT,
        out);
    return 0;
  }
}
