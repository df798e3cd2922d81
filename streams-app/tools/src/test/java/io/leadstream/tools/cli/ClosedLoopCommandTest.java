package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `scenario closed-loop`'s clear errors before anything starts; the run itself is in the IT. */
class ClosedLoopCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldNameTheKnownRegimesForAnUnknownShift() {
    int code = run("scenario", "closed-loop", "--shift", "sideways", "--out", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--shift: no regime 'sideways'; known: standard, budget-led");
  }

  @Test
  void shouldRefuseAPhaseTooSmallForAnAuc() {
    int code = run("scenario", "closed-loop", "--leads", "5", "--out", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--leads: a phase needs at least 20 leads");
  }

  @Test
  void shouldAskForTheSubcommand() {
    int code = run("scenario");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand: scenario closed-loop");
  }

  private int run(String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
