package io.leadstream.app.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.TopicCheck;
import io.leadstream.app.runtime.TopicCheck.TopicStatus;
import io.leadstream.app.runtime.TopicCreator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Creates LeadStream's missing topics and checks the existing ones against the configuration. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create LeadStream's missing topics (raw, prioritized, hot, dead letters) with the configured "
          + "partitions, replication and settings (leadstream.topic.<raw|prioritized|hot|dlq>.config.<setting>), "
          + "and check the existing ones against them. Existing topics are never changed.",
      "Exit code 3 when an existing topic differs from the configuration."
    })
public final class TopicsCommand implements Callable<Integer> {

  /** Exit code when an existing topic differs from what the configuration asks for. */
  static final int EXIT_DIFFERS = 3;

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Option(names = "--dry-run", description = "Print what would be created; create nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    LeadStreamConfig config = kafka.toConfig();
    PrintWriter out = spec.commandLine().getOut();
    List<TopicStatus> statuses = TopicCheck.check(config);
    boolean differs = false;
    for (TopicStatus status : statuses) {
      out.printf(
          "%-12s %-40s %s%n", status.wanted().role(), status.wanted().name(), describe(status));
      differs |= status.exists() && !status.asWanted();
    }
    boolean missing = statuses.stream().anyMatch(status -> !status.exists());
    if (missing && !dryRun) {
      TopicCreator.createMissing(config);
      out.println("Created the missing topics.");
    } else if (missing) {
      out.println("Dry run: nothing created.");
    }
    out.flush();
    return differs ? EXIT_DIFFERS : 0;
  }

  private String describe(TopicStatus status) {
    if (!status.exists()) {
      return (dryRun ? "missing, would create: " : "missing, creating: ") + wanted(status);
    }
    String shape = status.partitions() + " partitions, replication " + status.replication();
    return status.asWanted()
        ? "ok (" + shape + ")"
        : "DIFFERS (" + shape + "): " + String.join("; ", status.differences());
  }

  private static String wanted(TopicStatus status) {
    String partitions =
        status
            .wanted()
            .partitions()
            .map(p -> p + " partitions")
            .orElse("broker's default partitions");
    String replication =
        status
            .wanted()
            .replication()
            .map(r -> "replication " + r)
            .orElse("broker's default replication");
    Map<String, String> configs = status.wanted().configs();
    return partitions + ", " + replication + (configs.isEmpty() ? "" : ", " + configs);
  }
}
