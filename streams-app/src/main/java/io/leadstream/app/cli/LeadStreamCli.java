package io.leadstream.app.cli;

import io.leadstream.schema.AvroTrust;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code leadstream} command line: run, demo, produce, train, bench, generate. */
@Command(name = "leadstream", mixinStandardHelpOptions = true, version = "LeadStream 0.1.0",
    description = "Real-time sales-lead prioritization on Kafka Streams.",
    subcommands = {DemoCommand.class, RunCommand.class, BrokerCommand.class, ProduceCommand.class, TrainCommand.class,
        LagCommand.class, DlqCommand.class, FaultsCommand.class, BenchCommand.class, MicrobenchCommand.class, SoakCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class LeadStreamCli {

  public static void main(String[] args) {
    System.exit(withReadableConsole(commandLine()).execute(args));
  }

  /**
   * Writes the console in UTF-8 when the platform charset cannot show Chinese: Java 17 in a POSIX
   * "C" locale prints company names and texts in other scripts as question marks.
   */
  static CommandLine withReadableConsole(CommandLine cli) {
    if (Charset.defaultCharset().newEncoder().canEncode("中文")) {
      return cli;
    }
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return cli;
  }

  /** Runs a command line and returns its exit code; errors are printed as one clear line. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command line, ready to execute; tests redirect its output with setOut/setErr. */
  public static CommandLine commandLine() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    AvroTrust.trustSchemaPackage();
    CommandLine cli = new CommandLine(new LeadStreamCli());
    cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
      commandLine.getErr().println(commandLine.getColorScheme().errorText("Error: " + message(exception)));
      org.slf4j.LoggerFactory.getLogger(LeadStreamCli.class).debug("Command failed", exception);
      return 1;
    });
    return cli;
  }

  private static String message(Throwable exception) {
    String message = exception.getMessage();
    return message == null ? exception.getClass().getSimpleName() : message;
  }
}
