package io.leadstream.app.cli;

import picocli.CommandLine.Command;

/** The {@code dlq} command group: look at and replay the dead-letter topic. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description = {
      "Look at the dead-letter topic (leadstream.topic.dlq) and replay chosen dead letters to the "
          + "raw leads topic once their cause is fixed."
    },
    subcommands = {DlqListCommand.class, DlqReplayCommand.class})
public final class DlqCommand {}
