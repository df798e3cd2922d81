package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.models.bundle.DriftReference.Kind;
import io.leadstream.models.bundle.DriftReference.Quantity;
import io.leadstream.models.evaluation.PopulationStability;
import io.leadstream.models.evaluation.QuantityDrift;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `evaluate`'s clear errors before any cluster is reached and its drift table; the evaluation
 * itself is in the IT.
 */
class EvaluateCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldNameAMissingBundleBeforeReadingTheTopic() {
    int code = run("evaluate", "-b", "localhost:1", "--bundle", dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("Error: no bundle at " + dir).contains("manifest.json");
  }

  @Test
  void shouldRefuseAWindowThatIsNotPositive() {
    int code = run("evaluate", "-b", "localhost:1", "--window", "-P1D");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--window must be positive");
  }

  @Test
  void shouldAskForTheCluster() {
    int code = run("evaluate", "--bundle", "classpath:bundles/default");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("No Kafka cluster given");
  }

  @Test
  void shouldPrintADriftTableAndSayWhyAVersionHasNone() {
    Quantity budget =
        new Quantity(Kind.FEATURE, "budget", List.of(8.0, 9.0), List.of(0.3, 0.4, 0.3), 0.0);
    QuantityDrift drift = PopulationStability.compare(budget, new double[] {9.5, 9.5, 9.5, 8.5});
    StringWriter table = new StringWriter();

    EvaluateCommand.print(
        new PrintWriter(table, true),
        "leads.labelled",
        new Report(
            "2026-10-31T00:00:00Z",
            "2026-11-30T00:00:00Z",
            8,
            0,
            0,
            List.of(version("drifted", List.of(drift), null), version("old", List.of(), "why")),
            List.of(),
            0.25));

    assertThat(table.toString())
        .contains("drift against the training split (PSI: < 0.1 stable")
        .containsPattern(
            "budget\\s+"
                + String.format(Locale.ROOT, "%.3f", drift.psi())
                + " major shift\\s+4  > 9: 30.0 % -> 75.0 %")
        .contains("(why)");
  }

  @Test
  void shouldExplainTheDriftThresholdInTheHelp() {
    int code = run("evaluate", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--drift-threshold=PSI").contains("95 % interval");
    assertThat(err.toString()).doesNotContain("Could not format");
  }

  private static VersionReport version(String name, List<QuantityDrift> drift, String note) {
    return new VersionReport(
        name, 4, 1, 0.25, 0.5, 0.5, null, 0.7, 0.25, List.of(), List.of(), null, List.of(),
        List.of(), drift, note);
  }

  private int run(String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
