package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `soak`'s clear errors before anything starts; the pipeline run itself is in PipelineSoakIT. */
class SoakCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldRefuseAnEncoderOptionWithPipeline() {
    int code = run("soak", "--pipeline", "--texts", "500");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--texts only applies without --pipeline");
  }

  @Test
  void shouldRefuseAPipelineOptionWithoutPipeline() {
    int code = run("soak", "--events", "500");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--events only applies with --pipeline");
  }

  @Test
  void shouldRefuseAnEmptyRun() {
    int code = run("soak", "--pipeline", "--events", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--events, --every and --chunk must each be at least 1");
  }

  @Test
  void shouldDescribeThePipelineFormInItsHelp() {
    int code = run("soak", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("soak --pipeline --events 1000000 --every 50000")
        .contains("--chunk=<chunk>");
  }

  private int run(String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
