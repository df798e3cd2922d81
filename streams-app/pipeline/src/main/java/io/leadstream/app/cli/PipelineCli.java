package io.leadstream.app.cli;

import io.leadstream.schema.AvroTrust;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The production command line, what the Docker image runs: {@code run}, {@code topics}, {@code lag}
 * and {@code dlq}. The {@code leadstream} launcher of the tools module offers these and every other
 * command through {@link #configure}.
 */
@Command(
    name = PipelineCli.NAME,
    mixinStandardHelpOptions = true,
    version = PipelineCli.VERSION,
    description = PipelineCli.DESCRIPTION,
    subcommands = {
      RunCommand.class,
      TopicsCommand.class,
      LagCommand.class,
      DlqCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PipelineCli {

  public static final String NAME = "leadstream";
  public static final String VERSION = "LeadStream 0.1.0";
  public static final String DESCRIPTION = "Real-time sales-lead prioritization on Kafka Streams.";

  public static void main(String[] args) {
    System.exit(configure(new CommandLine(new PipelineCli())).execute(args));
  }

  /**
   * Prepares a command line the way every LeadStream command expects: DJL kept offline unless asked
   * otherwise, the schema package trusted by Avro, errors printed as one clear line, and a console
   * that can show Chinese.
   */
  public static CommandLine configure(CommandLine cli) {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    AvroTrust.trustSchemaPackage();
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          commandLine
              .getErr()
              .println(commandLine.getColorScheme().errorText("Error: " + message(exception)));
          LoggerFactory.getLogger(PipelineCli.class).debug("Command failed", exception);
          return 1;
        });
    return withReadableConsole(cli);
  }

  /**
   * Writes the console in UTF-8 when the platform charset cannot show Chinese: Java 17 in a POSIX
   * "C" locale prints company names and texts in other scripts as question marks.
   */
  private static CommandLine withReadableConsole(CommandLine cli) {
    if (Charset.defaultCharset().newEncoder().canEncode("中文")) {
      return cli;
    }
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return cli;
  }

  private static String message(Throwable exception) {
    String message = exception.getMessage();
    return message == null ? exception.getClass().getSimpleName() : message;
  }
}
