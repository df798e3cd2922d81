package io.leadstream.tools.cli;

import io.leadstream.app.streams.serde.WriterSchemas;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a topic's Avro schema self-contained, for producers and consumers outside Java. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the Avro schema of LeadEvent (leads.raw) or PrioritizedLead (leads.prioritized,"
          + " leads.hot) as one self-contained JSON document, nested types included, as avsc,"
          + " fastavro or a registry client take it.",
      "Example: schema LeadEvent > LeadEvent.avsc"
    })
final class SchemaCommand implements Callable<Integer> {

  /** The records on LeadStream's topics. */
  enum Record {
    LeadEvent,
    PrioritizedLead
  }

  @Parameters(paramLabel = "RECORD", description = "LeadEvent or PrioritizedLead.")
  Record record;

  @Option(
      names = "--fingerprint",
      description =
          "Print instead the single-object fingerprint (CRC-64-AVRO of the Parsing Canonical Form,"
              + " the 8 bytes after C3 01, little-endian, in hex).")
  boolean fingerprint;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Schema schema =
        record == Record.LeadEvent ? LeadEvent.getClassSchema() : PrioritizedLead.getClassSchema();
    spec.commandLine()
        .getOut()
        .println(
            fingerprint
                ? WriterSchemas.fingerprint(schema)
                : SchemaFormatter.format("json/pretty", schema));
    return 0;
  }
}
