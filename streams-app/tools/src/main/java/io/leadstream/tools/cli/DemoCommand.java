package io.leadstream.tools.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.demo.MalformedRecords;
import io.leadstream.tools.demo.MalformedRecords.RawRecord;
import io.leadstream.tools.demo.SampleLeads;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.LeadTable;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.observe.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the whole pipeline in this JVM on the bundled sample leads and shows what comes out. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start an embedded Kafka broker and LeadStream, send the bundled sample leads "
          + "(plus a few malformed records), print each outcome as it arrives, then a ranked table "
          + "and a summary. Exits by itself unless --follow is given.",
      "In the live rows: tier X<Y means the lead moved from Y to X; * after the trend means the text "
          + "was unchanged and not read again."
    })
final class DemoCommand implements Callable<Integer> {

  static final String CHINESE_BUNDLE = "classpath:bundles/zh";

  @Option(
      names = "--samples",
      paramLabel = "FILE|classpath:…",
      description =
          "Leads to send (.jsonl or .csv, or a class-path resource such as "
              + SampleLeads.CHINESE
              + ") instead of the bundled samples.")
  String samples;

  @Option(
      names = "--chinese",
      description =
          "The bundled Chinese samples scored by the Chinese bundle: --samples "
              + SampleLeads.CHINESE
              + " --model-bundle "
              + CHINESE_BUNDLE
              + " (an explicit"
              + " --model-bundle wins).")
  boolean chinese;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions of the demo topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--top",
      defaultValue = "15",
      description = "Rows in the final ranked table (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--follow",
      description =
          "Keep running after the samples, printing outcomes of leads sent by others (Ctrl-C to stop).")
  boolean follow;

  @Option(
      names = "--registry",
      description =
          "Run the demo through the schema registry wire format: an embedded registry (a loopback"
              + " implementation of the Confluent REST API's subset clients use, not a production"
              + " registry) is started beside the broker, and leads.raw, leads.prioritized and"
              + " leads.hot are written as Confluent Avro (magic byte, schema id, body).")
  boolean registry;

  @Option(
      names = "--timeout",
      defaultValue = "PT3M",
      description = "Longest wait for all outcomes (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Mixin EmbeddedOptions embedded;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (chinese && samples != null) {
      throw new ParameterException(spec.commandLine(), "give --chinese or --samples, not both");
    }
    if (chinese && !spec.commandLine().getParseResult().hasMatchedOption("--model-bundle")) {
      embedded.modelBundle = CHINESE_BUNDLE;
    }
    List<LeadLine> lines =
        chinese
            ? SampleLeads.read(SampleLeads.CHINESE)
            : samples == null ? SampleLeads.read((Path) null) : SampleLeads.read(samples);
    out.println(
        "Starting an embedded Kafka broker and LeadStream (model bundle "
            + embedded.modelBundle
            + ") ...");
    out.flush();
    try (EmbeddedPipeline pipeline = embedded.start("leadstream-demo", partitions, registry);
        OutcomeReader reader = new OutcomeReader(pipeline.config());
        LeadProducer producer = new LeadProducer(pipeline.config())) {
      List<RawRecord> malformed =
          samples == null ? MalformedRecords.of(pipeline.config()) : List.of();
      out.printf(
          "Broker at %s%s, model %s, metrics at %s. Sending %d records to %s ...%n%n",
          pipeline.bootstrapServers(),
          pipeline.registryUrl().map(url -> ", schema registry at " + url).orElse(""),
          pipeline.app().modelVersion(),
          pipeline
              .app()
              .opsPort()
              .map(port -> "http://" + pipeline.config().httpHost() + ":" + port + "/metrics")
              .orElse("(off)"),
          lines.size() + malformed.size(),
          pipeline.config().rawTopic());
      long startMs = System.currentTimeMillis();
      int inputs = send(producer, lines, malformed, spec.commandLine().getErr());

      LeadTable table = new LeadTable(out);
      RunSummary summary = new RunSummary();
      Map<String, PrioritizedLead> latest = new HashMap<>();
      table.header();
      OutcomeWaiter.await(
          reader,
          inputs,
          timeout,
          outcome -> {
            summary.add(outcome);
            show(outcome, table, out, latest, summary.total());
          });
      table.ranked(latest, top);
      table.summary(summary, inputs, startMs);
      if (follow) {
        out.printf(
            "%nFollowing %s; send leads with `leadstream produce -b %s%s FILE`. Ctrl-C to stop.%n",
            pipeline.config().rawTopic(),
            pipeline.bootstrapServers(),
            pipeline
                .registryUrl()
                .map(
                    url ->
                        " -D leadstream.input.format=confluent-avro -D "
                            + LeadStreamConfig.REGISTRY_URL_CONFIG
                            + "="
                            + url)
                .orElse(""));
        out.flush();
        OutcomeWaiter.await(
            reader,
            Integer.MAX_VALUE,
            Duration.ofDays(365),
            outcome -> show(outcome, table, out, latest, 0));
      }
      return summary.total() == inputs ? 0 : 1;
    }
  }

  private static int send(
      LeadProducer producer, List<LeadLine> lines, List<RawRecord> malformed, PrintWriter err) {
    int sent = 0;
    for (LeadLine line : lines) {
      if (line.ok()) {
        producer.send(line.lead());
        sent++;
      } else {
        err.printf("sample line %d skipped: %s%n", line.lineNumber(), line.error());
      }
    }
    for (RawRecord record : malformed) {
      producer.sendRaw(record.key(), record.value());
      sent++;
    }
    producer.flushAndCount();
    return sent;
  }

  private static void show(
      Outcome outcome,
      LeadTable table,
      PrintWriter out,
      Map<String, PrioritizedLead> latest,
      int n) {
    if (outcome instanceof Outcome.Scored scored) {
      latest.put(scored.lead().getLeadId(), scored.lead());
      table.row(Integer.toString(n), scored.lead());
    } else if (outcome instanceof Outcome.DeadLettered dead) {
      out.printf(
          "%-4d DEAD LETTER  %-16s %s: %s%n", n, dead.source(), dead.reason(), dead.detail());
      out.flush();
    }
  }
}
