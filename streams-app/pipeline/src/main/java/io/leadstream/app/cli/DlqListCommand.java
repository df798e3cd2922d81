package io.leadstream.app.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.dlq.DeadLetter;
import io.leadstream.app.dlq.DeadLetterFilter;
import io.leadstream.app.dlq.DeadLetterReader;
import io.leadstream.app.dlq.RecordPosition;
import io.leadstream.app.dlq.ReplayLedger;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a table of dead letters, to choose what to replay. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Print the dead letters on the dead-letter topic, oldest first per partition: their position, "
          + "when and why they were rejected, where they came from (source topic/partition/offset), whether "
          + "`dlq replay` has replayed them, and the detail. Reads the topic once to its current end; changes nothing.",
      "Takes the same filters as `dlq replay`, so a list shows what a replay with them would choose."
    })
final class DlqListCommand implements Callable<Integer> {

  private static final String ROW = "%-14s %-20s %-16s %-26s %-8s %s%n";

  @Mixin KafkaOptions kafka;

  @Mixin DeadLetterFilterOptions filterOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DeadLetterFilter filter = filterOptions.toFilter();
    LeadStreamConfig config = kafka.toConfig();
    PrintWriter out = spec.commandLine().getOut();
    Set<RecordPosition> replayed =
        new ReplayLedger(config.clientProperties(), config.deadLetterTopic()).read();
    AtomicLong shown = new AtomicLong();
    long read =
        DeadLetterReader.read(
            config.clientProperties(),
            config.deadLetterTopic(),
            deadLetter -> {
              if (filter.test(deadLetter)) {
                if (shown.getAndIncrement() == 0) {
                  out.printf(
                      ROW, "dead letter", "failed at", "reason", "source", "replayed", "detail");
                }
                out.printf(
                    ROW,
                    deadLetter.position().partition() + "/" + deadLetter.position().offset(),
                    deadLetter.time().truncatedTo(ChronoUnit.SECONDS),
                    deadLetter.reason(),
                    source(deadLetter),
                    replayed.contains(deadLetter.position()) ? "yes" : "-",
                    detail(deadLetter));
              }
            });
    out.printf(
        "%d of %d dead letters on %s (%s).%n",
        shown.get(), read, config.deadLetterTopic(), filter.describe());
    out.flush();
    return 0;
  }

  private static String source(DeadLetter deadLetter) {
    return deadLetter.source() == null ? "-" : deadLetter.source().toString();
  }

  private static String detail(DeadLetter deadLetter) {
    String detail = deadLetter.detail() == null ? "" : deadLetter.detail();
    return deadLetter.valueOmitted() ? "[value omitted] " + detail : detail;
  }
}
