package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `evaluate`'s clear errors before any cluster is reached; the evaluation itself is in the IT. */
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

  private int run(String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
