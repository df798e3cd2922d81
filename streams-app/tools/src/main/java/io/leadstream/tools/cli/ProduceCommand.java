package io.leadstream.tools.cli;

import io.leadstream.app.cli.KafkaOptions;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.config.LeadStreamConfig.InputFormat;
import io.leadstream.models.mapping.JsonLines;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.tools.feed.LeadFileReader;
import io.leadstream.tools.feed.LeadFileReader.Format;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.feed.MappedExportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Loads leads from a JSON Lines or CSV file into the raw leads topic. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Send leads from a JSON Lines or CSV file to the raw leads topic, keyed by leadId.",
      "JSONL: one LeadEvent-shaped object a line. CSV: a header row; nested fields as dotted columns "
          + "(company.employees), extra CRM fields as attributes.<name>. eventId and occurredAt are "
          + "filled in when missing. Each bad line is reported and skipped.",
      "A CRM export: --mapping mapping.yaml reads it as `train --mapping` does (label not needed), "
          + "so the events scored are built exactly like the ones the models learned from. With a "
          + "mapping, a .jsonl file is the CRM's own JSON events, one object a line, its columns "
          + "dotted JSON paths (properties.annualrevenue), read as the pipeline reads them.",
      "Sent as Avro LeadEvents, unless leadstream.input.format=json: then each JSON event goes out "
          + "as it is, keyed by its lead id, once the mapping (--mapping, else "
          + "leadstream.input.mapping) reads it."
    })
final class ProduceCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .jsonl or .csv file to load.")
  Path file;

  @Option(names = "--format", description = "JSONL or CSV (default: from the file name).")
  Format format;

  @Option(
      names = "--mapping",
      paramLabel = "YAML",
      description =
          "Read FILE as a CRM export (CSV) or the CRM's JSON events (.jsonl) through this"
              + " training mapping.")
  Path mapping;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("Cannot read " + file);
    }
    LeadStreamConfig config = kafka.toConfig();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicLong rejected = new AtomicLong();
    long sent;
    try (LeadProducer producer = new LeadProducer(config)) {
      Consumer<LeadLine> send =
          line -> {
            if (line.ok()) {
              producer.send(line.lead());
            } else {
              rejected.incrementAndGet();
              err.printf("%s line %d: %s%n", file.getFileName(), line.lineNumber(), line.error());
            }
          };
      if (config.inputFormat() == InputFormat.JSON) {
        sendJsonEvents(config, producer, send);
      } else if (mapping != null && mappedFormat() == Format.JSONL) {
        MappedExportReader.readJsonLines(
            file, LeadMapping.load(mapping), Instant.now(), line -> send.accept(line.asLeadLine()));
      } else if (mapping != null) {
        MappedExportReader.read(file, LeadMapping.load(mapping), Instant.now(), send)
            .forEach(warning -> err.println("warning: " + warning));
      } else {
        LeadFileReader.read(file, format == null ? Format.of(file) : format, send);
      }
      sent = producer.flushAndCount();
    }
    out.printf(
        "Sent %d leads from %s to %s; %d lines rejected.%n",
        sent, file, config.rawTopic(), rejected.get());
    return rejected.get() == 0 ? 0 : 2;
  }

  /**
   * For a pipeline that reads the CRM's JSON: each line that the mapping reads goes out as it is,
   * keyed by its lead id; the others are rejected with the pipeline's reason.
   */
  private void sendJsonEvents(
      LeadStreamConfig config, LeadProducer producer, Consumer<LeadLine> send) throws IOException {
    if (mappedFormat() != Format.JSONL) {
      throw new IllegalArgumentException(
          "The pipeline reads the CRM's JSON events (leadstream.input.format=json), so produce sends"
              + " a JSON Lines file of them, one object a line; "
              + file.getFileName()
              + " is not .jsonl (or pass --format JSONL)");
    }
    Path mappingFile = mapping != null ? mapping : config.inputMapping().orElseThrow();
    MappedExportReader.readJsonLines(
        file,
        LeadMapping.load(mappingFile),
        Instant.now(),
        line -> {
          if (line.ok()) {
            producer.sendRaw(line.lead().getLeadId(), line.json());
          } else {
            send.accept(line.asLeadLine());
          }
        });
  }

  /** With a mapping: JSON Lines by name or --format, anything else a CSV export. */
  private Format mappedFormat() {
    if (format != null) {
      return format;
    }
    return JsonLines.isJsonLines(file) ? Format.JSONL : Format.CSV;
  }
}
