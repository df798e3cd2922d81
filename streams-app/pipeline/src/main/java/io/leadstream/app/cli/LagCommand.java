package io.leadstream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.ops.ConsumerLagReader;
import io.leadstream.app.ops.PartitionLag;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints how far LeadStream's consumer group is behind on the topics it consumes. */
@Command(
    name = "lag",
    mixinStandardHelpOptions = true,
    description = {
      "Print the consumer lag of LeadStream's group on the topics it consumes (raw leads, "
          + "then outcomes): per partition the committed offset, the log-end offset, the lag in "
          + "records and the time lag (age of the oldest unprocessed record). For cron and "
          + "alerting: --json, and --max-lag / --max-time-lag-seconds make the exit code 3 when "
          + "exceeded."
    })
public final class LagCommand implements Callable<Integer> {

  static final int EXIT_LAG_EXCEEDED = 3;

  @Mixin KafkaOptions kafka;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(
      names = "--max-lag",
      paramLabel = "RECORDS",
      description = "Exit with 3 when the total lag exceeds this many records.")
  Long maxLag;

  @Option(
      names = "--max-time-lag-seconds",
      paramLabel = "SECONDS",
      description = "Exit with 3 when any partition's time lag exceeds this.")
  Long maxTimeLagSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LeadStreamConfig config = kafka.toConfig();
    String group = config.streamsProperties().get(StreamsConfig.APPLICATION_ID_CONFIG).toString();
    List<PartitionLag> lags =
        new ConsumerLagReader(config.clientProperties(), Clock.systemUTC())
            .read(group, config.inputTopics());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(lags));
    } else {
      printTable(out, group, lags);
    }
    out.flush();
    long total = lags.stream().mapToLong(PartitionLag::lag).sum();
    long worstTimeLagMs = lags.stream().mapToLong(PartitionLag::timeLagMs).max().orElse(0);
    boolean exceeded =
        (maxLag != null && total > maxLag)
            || (maxTimeLagSeconds != null && worstTimeLagMs > maxTimeLagSeconds * 1000);
    return exceeded ? EXIT_LAG_EXCEEDED : 0;
  }

  private static void printTable(PrintWriter out, String group, List<PartitionLag> lags) {
    out.printf("consumer group %s%n", group);
    out.printf(
        "%-28s %9s %12s %12s %10s %12s%n",
        "topic", "partition", "committed", "log end", "lag", "time lag");
    for (PartitionLag lag : lags) {
      out.printf(
          Locale.ROOT,
          "%-28s %9d %12s %12d %10d %12s%n",
          lag.topic(),
          lag.partition(),
          lag.committed() < 0 ? "-" : Long.toString(lag.committed()),
          lag.logEnd(),
          lag.lag(),
          seconds(lag.timeLagMs()));
    }
    out.printf(
        Locale.ROOT,
        "%-28s %9s %12s %12s %10d %12s%n",
        "total",
        "",
        "",
        "",
        lags.stream().mapToLong(PartitionLag::lag).sum(),
        seconds(lags.stream().mapToLong(PartitionLag::timeLagMs).max().orElse(0)));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
