package io.leadstream.tools.cli;

import io.leadstream.app.cli.DlqCommand;
import io.leadstream.app.cli.LagCommand;
import io.leadstream.app.cli.PipelineCli;
import io.leadstream.app.cli.RunCommand;
import io.leadstream.app.cli.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code leadstream} launcher: the pipeline's commands and every tool. */
@Command(
    name = PipelineCli.NAME,
    mixinStandardHelpOptions = true,
    version = PipelineCli.VERSION,
    description = PipelineCli.DESCRIPTION,
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      TopicsCommand.class,
      BrokerCommand.class,
      ProduceCommand.class,
      TrainCommand.class,
      RetrainCommand.class,
      RollbackCommand.class,
      BundleCommand.class,
      PromptsCommand.class,
      LagCommand.class,
      EvaluateCommand.class,
      ScenarioCommand.class,
      DlqCommand.class,
      FaultsCommand.class,
      BenchCommand.class,
      StateCostCommand.class,
      MicrobenchCommand.class,
      ProfileEncodersCommand.class,
      SoakCommand.class,
      GenerateCommand.class,
      SchemaCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LeadStreamCli {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Runs a command line and returns its exit code; errors are printed as one clear line. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command line, ready to execute; tests redirect its output with setOut/setErr. */
  public static CommandLine commandLine() {
    return PipelineCli.configure(new CommandLine(new LeadStreamCli()));
  }
}
