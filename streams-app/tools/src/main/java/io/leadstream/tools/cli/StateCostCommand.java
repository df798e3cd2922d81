package io.leadstream.tools.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.embedded.Folders;
import io.leadstream.tools.faults.Launcher;
import io.leadstream.tools.state.StateCost;
import io.leadstream.tools.state.StateCostResult;
import io.leadstream.tools.state.StateCostResult.AfterKill;
import io.leadstream.tools.state.StateCostResult.StoreCost;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the state bytes per lead and the restore time of the pipeline's stores. */
@Command(
    name = "state-cost",
    mixinStandardHelpOptions = true,
    description = {
      "Measure what the pipeline's state costs as the leads grow: for each number of leads, on a"
          + " fresh embedded broker, build the state the pipeline would hold for them (synthetic"
          + " leads with follow-up events, each through the pipeline's own track step and stores,"
          + " with the real scores of a sample of events lent to the others so the encoder need"
          + " not run per event). Then start the pipeline on a fresh state folder and time the"
          + " restore from the changelogs (a new instance, or one that lost its disk); and start"
          + " it on the built state in a JVM of its own, let it score some live events, kill it"
          + " with SIGKILL and time its restart. Prints per store the changelog's records and"
          + " bytes per lead, the RocksDB bytes per lead after the restore and the restore time,"
          + " and what the restart after the kill restored.",
      "Example: state-cost --leads 100000,1000000"
    })
final class StateCostCommand implements Callable<Integer> {

  private static final String APPLICATION_ID = "leadstream-state-cost";

  @Option(
      names = "--leads",
      split = ",",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Leads in state, one run each, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> leads;

  @Option(
      names = "--events-per-lead",
      defaultValue = "3",
      description =
          "Events of each lead: its first and follow-ups; the history store keeps up to"
              + " leadstream.labels.history.events of them (default: ${DEFAULT-VALUE}).")
  int eventsPerLead;

  @Option(
      names = "--samples",
      defaultValue = "500",
      description =
          "Events read and scored for real by the model bundle, whose scores the other events"
              + " borrow (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--live-events",
      defaultValue = "100000",
      description =
          "Events of new leads, without text, that the pipeline scores on the built state before"
              + " it is killed with SIGKILL: enough to flush the stores' memtables, as a"
              + " long-running pipeline has (default: ${DEFAULT-VALUE}).")
  int liveEvents;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description =
          "Partitions of the input topic and so of the changelogs (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--seed",
      defaultValue = "11",
      description = "Seed of the synthetic leads (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin EmbeddedOptions embedded;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<StateCostResult> results = new ArrayList<>();
    for (int n : leads) {
      out.printf(
          Locale.ROOT, "%,d leads, %d events each, on a fresh embedded broker%n", n, eventsPerLead);
      out.flush();
      results.add(measure(n, out));
      out.println(table(results));
      out.flush();
    }
    out.printf("%n%s%n", BenchCommand.machine());
    return 0;
  }

  private StateCostResult measure(int n, PrintWriter out) throws Exception {
    Path work = Files.createTempDirectory("leadstream-state-cost-");
    ConsoleProgress progress = new ConsoleProgress(out);
    // first, as it quiets the console's logs unless --verbose
    Function<String, LeadStreamConfig> configs = embedded.configs(APPLICATION_ID);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Map<String, Object> props =
          new HashMap<>(configs.apply(broker.bootstrapServers()).originals());
      props.putIfAbsent(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, partitions);
      return StateCost.measure(
          new LeadStreamConfig(props),
          work,
          n,
          eventsPerLead,
          samples,
          seed,
          liveEvents,
          new Launcher(System.getProperty("java.class.path"), LeadStreamCli.class.getName()),
          progress);
    } finally {
      progress.finish();
      Folders.deleteQuietly(work);
    }
  }

  /** One row per run and store. */
  static String table(List<StateCostResult> results) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%n%10s %10s  %-19s %12s %14s %12s %10s %10s%n",
            "leads",
            "events",
            "store",
            "records/lead",
            "changelog B/l",
            "disk B/lead",
            "restore s",
            "restored"));
    for (StateCostResult result : results) {
      for (StoreCost store : result.stores()) {
        if (!store.logged()) {
          table.append(
              String.format(
                  Locale.ROOT,
                  "%10s %10s  %-19s %s%n",
                  "",
                  "",
                  store.store(),
                  "in-memory LRU cache, no changelog: nothing to restore (empty after a restart)"));
          continue;
        }
        double leads = result.leads();
        table.append(
            String.format(
                Locale.ROOT,
                "%,10d %,10d  %-19s %12.2f %14.0f %12.0f %10.1f %,10d%n",
                result.leads(),
                result.events(),
                store.store(),
                store.changelogRecords() / leads,
                store.changelogBytes() / leads,
                store.diskBytes() / leads,
                store.restoreSeconds(),
                store.restoredRecords()));
      }
      table.append(
          String.format(
              Locale.ROOT,
              "%10s %10s  all stores restored %.1f s after the app's start; heap in use after the"
                  + " restore %d MiB (whole JVM)%n",
              "",
              "",
              result.restoreSeconds(),
              result.heapMiB()));
      AfterKill afterKill = result.afterKill();
      table.append(
          String.format(
              Locale.ROOT,
              "%10s %10s  after a kill -9 of the pipeline running on this state (%,d live events"
                  + " scored): %,d track and %,d history records restored, running %.1f s after"
                  + " the start%n",
              "",
              "",
              afterKill.liveEvents(),
              afterKill.trackRestored(),
              afterKill.historyRestored(),
              afterKill.readySeconds()));
    }
    return table.toString();
  }
}
