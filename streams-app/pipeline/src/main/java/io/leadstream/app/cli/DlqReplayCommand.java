package io.leadstream.app.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.dlq.DeadLetter;
import io.leadstream.app.dlq.DeadLetterFilter;
import io.leadstream.app.dlq.DeadLetterReplay;
import io.leadstream.app.dlq.DeadLetterReplayer;
import io.leadstream.app.dlq.ReplayCounts;
import io.leadstream.app.dlq.ReplayLedger;
import io.leadstream.app.dlq.ReplayOutcome.Kind;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sends chosen dead letters back to the raw leads topic, each at most once. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = 1,
    description = {
      "Send chosen dead letters back to the raw leads topic (leadstream.topic.raw) with their "
          + "original key and value bytes, once their cause is fixed. Reads the dead-letter topic once, to its "
          + "end at start.",
      "Each replayed record has the header "
          + DeadLetterReplayer.REPLAY_OF
          + " = <dead-letter topic>/<partition>/<offset>.",
      "Never twice: each replay is recorded, in the same Kafka transaction as the replayed record, in a "
          + "compacted ledger topic named after the dead-letter topic: <dead-letter topic>.replayed, created "
          + "when missing. A crash neither loses nor doubles a replay, and a later run skips and counts what "
          + "was replayed. A replayed record that fails again becomes a new dead letter, which a later replay "
          + "may send again.",
      "A dead letter whose value was omitted (too large to copy) is sent with the bytes of its source "
          + "record, read at its exact source offset, if the source topic still holds it; large records "
          + "may need -D max.request.size=BYTES.",
      "Exit code 0; 2 when a chosen dead letter was not replayable; 1 on an error (nothing of a failed "
          + "transaction is sent; what was committed before stays, and a new run goes on from there)."
    })
final class DlqReplayCommand implements Callable<Integer> {

  static final int EXIT_NOT_REPLAYABLE = 2;

  @Mixin KafkaOptions kafka;

  @Mixin DeadLetterFilterOptions filterOptions;

  @Option(
      names = "--dry-run",
      description =
          "Only tell what a replay would do, listing each chosen dead letter: send nothing, record nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DeadLetterFilter filter = filterOptions.toFilter();
    LeadStreamConfig config = kafka.toConfig();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplayCounts counts =
        new DeadLetterReplay(config, Clock.systemUTC())
            .run(
                filter,
                dryRun,
                outcome -> {
                  if (outcome.kind() == Kind.NOT_REPLAYABLE) {
                    err.printf(
                        "Not replayable: %s: %s%n", describe(outcome.deadLetter()), outcome.why());
                  } else if (dryRun) {
                    out.printf(
                        "%-16s %s%n",
                        outcome.kind() == Kind.REPLAYED ? "would send" : "already replayed",
                        describe(outcome.deadLetter()));
                  }
                });
    for (String reason : filter.reasons()) {
      if (!counts.chosenByReason().containsKey(reason)) {
        err.printf("Warning: no dead letter of reason %s matched.%n", reason);
      }
    }
    print(out, config, filter, counts, outcomeVerb());
    out.flush();
    err.flush();
    return counts.notReplayable() == 0 ? 0 : EXIT_NOT_REPLAYABLE;
  }

  private String outcomeVerb() {
    return dryRun ? "would send" : "sent";
  }

  private static void print(
      PrintWriter out,
      LeadStreamConfig config,
      DeadLetterFilter filter,
      ReplayCounts counts,
      String verb) {
    out.printf(
        Locale.ROOT,
        "%-18s %8d  from %s%n",
        "dead letters read",
        counts.read(),
        config.deadLetterTopic());
    out.printf(
        Locale.ROOT,
        "%-18s %8d  %s%s%n",
        "chosen",
        counts.chosen(),
        filter.describe(),
        counts.chosenByReason().size() < 2
            ? ""
            : counts.chosenByReason().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")")));
    out.printf(Locale.ROOT, "%-18s %8d  to %s%n", verb, counts.sent(), config.rawTopic());
    out.printf(
        Locale.ROOT,
        "%-18s %8d  in %s, not sent again%n",
        "already replayed",
        counts.alreadyReplayed(),
        ReplayLedger.topicFor(config.deadLetterTopic()));
    out.printf(
        Locale.ROOT,
        "%-18s %8d%s%n",
        "not replayable",
        counts.notReplayable(),
        counts.notReplayable() == 0
            ? ""
            : "  value omitted and no longer in the source topic (each named on stderr)");
  }

  private static String describe(DeadLetter deadLetter) {
    return deadLetter.position()
        + " ("
        + deadLetter.reason()
        + ", from "
        + (deadLetter.source() == null ? "?" : deadLetter.source())
        + ", failed at "
        + deadLetter.time().truncatedTo(ChronoUnit.SECONDS)
        + ")";
  }
}
