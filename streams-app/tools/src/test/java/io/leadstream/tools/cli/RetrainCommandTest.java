package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `retrain`'s and `rollback`'s clear errors before any cluster is reached or any folder moved; the
 * runs themselves are in RetrainCommandIT, the history in BundleHistoryTest.
 */
class RetrainCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldRefuseAFolderWithoutABundleBeforeReadingTheTopic() {
    int code = run("retrain", "-b", "localhost:1", "--bundle", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--bundle " + dir + " holds no bundle (no manifest.json)")
        .contains("leadstream train --out " + dir);
  }

  @Test
  void shouldRefuseARatioThatIsNotPositiveAndAScheduleOfZero() {
    assertThat(run("retrain", "--bundle", dir.toString(), "--min-auc-ratio", "0")).isEqualTo(2);
    assertThat(run("retrain", "--bundle", dir.toString(), "--every", "PT0S")).isEqualTo(2);
    assertThat(err.toString())
        .contains("the minimum AUC ratio must be a positive number, was 0.0")
        .contains("--every must be positive: PT0S");
  }

  @Test
  void shouldExplainTheGateAndTheExitCodesInItsHelp() {
    int code = run("retrain", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("--min-auc-ratio=R")
        .contains("0.95 one up to 5 % worse")
        .contains("Exit codes: 0 promoted, 4 not promoted, 5 refused");
  }

  @Test
  void shouldSayWhenNoVersionIsKept() {
    int code = run("rollback", "--bundle", dir.resolve("acme").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("Error: no earlier version of ").contains("acme.versions");
  }

  private int run(String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
