package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SchemaCommandTest {

  @Test
  void shouldPrintTheSchemaSelfContained() {
    String printed = run("schema", "LeadEvent");

    assertThat(new Schema.Parser().parse(printed)).isEqualTo(LeadEvent.getClassSchema());
    assertThat(new Schema.Parser().parse(run("schema", "PrioritizedLead")))
        .isEqualTo(PrioritizedLead.getClassSchema());
  }

  @Test
  void shouldPrintTheFingerprintAsTheBytesAfterTheMarker() throws Exception {
    byte[] encoded =
        LeadEvent.getEncoder()
            .encode(
                LeadEvent.newBuilder()
                    .setEventId("e")
                    .setLeadId("l")
                    .setOccurredAt(Instant.EPOCH)
                    .build())
            .array();

    assertThat(run("schema", "LeadEvent", "--fingerprint").strip())
        .isEqualTo(HexFormat.of().formatHex(encoded, 2, 10))
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(
                            SchemaNormalization.parsingFingerprint64(LeadEvent.getClassSchema()))
                        .array()));
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute(args)).isZero();
    return out.toString();
  }
}
