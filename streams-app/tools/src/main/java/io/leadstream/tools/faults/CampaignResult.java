package io.leadstream.tools.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The exact accounting of a fault campaign: every input's outcomes, the hot topic against the
 * events that entered HOT, the aborted outputs seen, each fault's recovery, the logs' errors.
 *
 * @param abortedSeen outputs in the prioritized topic that read_uncommitted sees and read_committed
 *     never delivers: the killed transactions
 * @param errorLines the ERROR lines of the app instances' logs
 */
public record CampaignResult(
    long validSent,
    long validScored,
    long validLost,
    long validDoubled,
    long malformedSent,
    long deadLettered,
    long deadLettersLost,
    long deadLettersDoubled,
    long hotMissing,
    long hotExtra,
    long hotDoubled,
    long abortedSeen,
    List<Fault> faults,
    List<String> errorLines,
    Duration elapsed) {

  /** No input lost, none doubled, the hot topic exact. */
  public boolean exact() {
    return validLost == 0
        && validDoubled == 0
        && deadLettersLost == 0
        && deadLettersDoubled == 0
        && hotMissing == 0
        && hotExtra == 0
        && hotDoubled == 0;
  }

  /** Prints the accounting as Markdown tables. */
  public void print(PrintWriter out) {
    out.println("| | sent | outcomes | lost | doubled |");
    out.println("|---|---:|---:|---:|---:|");
    out.printf(
        Locale.ROOT,
        "| valid events (scored) | %d | %d | %d | %d |%n",
        validSent,
        validScored,
        validLost,
        validDoubled);
    out.printf(
        Locale.ROOT,
        "| malformed records (dead-lettered) | %d | %d | %d | %d |%n",
        malformedSent,
        deadLettered,
        deadLettersLost,
        deadLettersDoubled);
    out.printf(
        Locale.ROOT,
        "| leads.hot against events entering HOT | | | %d missing, %d extra | %d |%n",
        hotMissing,
        hotExtra,
        hotDoubled);
    out.println();
    out.printf(
        Locale.ROOT,
        "Aborted outputs seen by a read_uncommitted reader (never delivered committed): %d%n",
        abortedSeen);
    out.printf(
        Locale.ROOT,
        "ERROR lines in the instances' logs: %d. Elapsed: %d s.%n",
        errorLines.size(),
        elapsed.toSeconds());
    errorLines.stream()
        .limit(5)
        .forEach(
            line ->
                out.println(
                    "    " + (line.length() > 300 ? line.substring(0, 300) + " ..." : line)));
    out.println();
    out.println("| fault | outage | recovery |");
    out.println("|---|---:|---:|");
    for (Fault fault : faults) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s |%n",
          fault.kind(),
          seconds(fault.outage()),
          fault.recovery().map(CampaignResult::seconds).orElse("not recovered"));
    }
    out.flush();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
