package io.leadstream.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Groups the commands that make bundles without training. */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description = "Make model bundles without training: bundle init --help.",
    subcommands = {BundleInitCommand.class})
final class BundleCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: bundle init");
  }
}
