package io.leadstream.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Groups the scenarios that run synthetic data through the whole pipeline. */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description = "Run a synthetic scenario through the pipeline: scenario closed-loop --help.",
    subcommands = {ClosedLoopCommand.class})
final class ScenarioCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: scenario closed-loop");
  }
}
