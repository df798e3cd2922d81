package io.leadstream.tools.cli;

import io.leadstream.tools.faults.CampaignResult;
import io.leadstream.tools.faults.FaultCampaign;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a fault campaign: real processes, real faults, exact accounting. */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fault campaign: a broker and LeadStream instances in processes of their own, a steady "
          + "producer, and faults at random moments (kill -9 of an instance, one of them left down while the others "
          + "take over; the broker killed, then hung). Ends with exact accounting of every input's outcome (lost, "
          + "doubled, the hot topic, aborted transactions seen) and each fault's recovery time, as Markdown.",
      "Exit code 0 when nothing was lost or doubled, 4 otherwise."
    })
final class FaultsCommand implements Callable<Integer> {

  static final int EXIT_NOT_EXACT = 4;

  @Option(
      names = "--instances",
      defaultValue = "2",
      description = "LeadStream instances (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(
      names = "--kills",
      defaultValue = "12",
      description = "kill -9 of an instance (default: ${DEFAULT-VALUE}).")
  int kills;

  @Option(
      names = "--broker-kill",
      split = ",",
      defaultValue = "20",
      paramLabel = "SECONDS",
      description =
          "Outages of a killed broker, restarted after each (default: ${DEFAULT-VALUE}; 0 for none).")
  List<Long> brokerKills;

  @Option(
      names = "--broker-hang",
      split = ",",
      defaultValue = "90",
      paramLabel = "SECONDS",
      description =
          "Hangs of the broker (SIGSTOP, then SIGCONT) (default: ${DEFAULT-VALUE}; 0 for none).")
  List<Long> brokerHangs;

  @Option(
      names = "--rate",
      defaultValue = "20",
      description =
          "Events per second, well below what the instances can do (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--partitions",
      defaultValue = "4",
      description = "Partitions of the topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--takeover-down",
      defaultValue = "30",
      paramLabel = "SECONDS",
      description =
          "How long the instance killed for a takeover stays down (default: ${DEFAULT-VALUE}).")
  long takeoverDown;

  @Option(
      names = "--static-membership",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Instances keep a group.instance.id, LeadStream's default (default: ${DEFAULT-VALUE}).")
  boolean staticMembership;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the fault schedule (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "Folder for the broker's data, state and logs "
              + "(default: a new folder under .leadstream/faults).")
  Path work;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the accounting to this Markdown file.")
  Path report;

  @Option(
      names = "--jvm-option",
      paramLabel = "OPTION",
      description =
          "An option of the instances' JVMs, e.g. --jvm-option=-Dlogback.configurationFile=debug.xml. Repeatable.")
  List<String> jvmOptions = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ConsoleLogging.quiet(false);
    Path folder =
        work != null
            ? work
            : Path.of(".leadstream", "faults", Instant.now().toString().replace(':', '-'));
    PrintWriter out = spec.commandLine().getOut();
    FaultCampaign.Settings settings =
        new FaultCampaign.Settings(
            instances,
            kills,
            seconds(brokerKills),
            seconds(brokerHangs),
            rate,
            partitions,
            Duration.ofSeconds(takeoverDown),
            staticMembership,
            seed,
            folder,
            System.getProperty("java.class.path"),
            LeadStreamCli.class.getName(),
            jvmOptions);
    out.println("Fault campaign in " + folder.toAbsolutePath() + " (logs of every process there)");
    CampaignResult result = new FaultCampaign(settings, out).run();
    out.println();
    result.print(out);
    if (report != null) {
      try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(report))) {
        result.print(file);
      }
    }
    return result.exact() ? 0 : EXIT_NOT_EXACT;
  }

  private static List<Duration> seconds(List<Long> values) {
    List<Duration> durations = new ArrayList<>();
    values.stream().filter(v -> v > 0).forEach(v -> durations.add(Duration.ofSeconds(v)));
    return durations;
  }
}
