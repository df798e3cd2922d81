package io.leadstream.app.streams.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.processors.OutcomeValidator;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.ConfluentWire;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.SchemaRegistryClient;
import io.leadstream.tools.embedded.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryDecoder} reading {@link LeadOutcome}s: the same decoder as for leads, over another
 * record class. A writer whose outcome enum has a symbol the app's does not is read as UNKNOWN (the
 * enum's default) and then refused as INVALID_FIELD, not as an incompatible schema.
 */
class RegistryOutcomeDecoderTest {

  private static final String SUBJECT = "leads.outcomes-value";

  private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
  private final SchemaRegistryClient producer =
      new SchemaRegistryClient(RegistrySettings.of(registry.url()));
  private final RegistryDecoder<LeadOutcome> decoder =
      new RegistryDecoder<>(
          new SchemaRegistryClient(RegistrySettings.of(registry.url())),
          LeadOutcome.getClassSchema());

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void shouldReadTheAppsOwnOutcomes() {
    LeadOutcome outcome = outcome();

    assertThat(
            decoder.decode(
                LeadStreamSerdes.leadOutcome(producer).encode("leads.outcomes", outcome), null))
        .isEqualTo(outcome);
  }

  @Test
  void shouldReadANewerWritersOutcomeSymbolAsUnknownAndRefuseItAsAnInvalidField()
      throws IOException {
    Schema newer =
        new Schema.Parser()
            .parse(
                LeadOutcome.getClassSchema()
                    .toString()
                    .replace("\"UNKNOWN\"]", "\"UNKNOWN\",\"NURTURING\"]"));
    int id = producer.register(SUBJECT, newer);

    LeadOutcome read = decoder.decode(framed(id, newer, "NURTURING"), null);

    assertThat(read.getOutcome()).isEqualTo(OutcomeType.UNKNOWN);
    assertThatThrownBy(() -> new OutcomeValidator().validate("lead-1", read))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_FIELD));
  }

  @Test
  void shouldDeadLetterAWriterThatCannotBeReadAsLeadOutcomeNamingIt() throws IOException {
    Schema other =
        SchemaBuilder.record("LeadOutcome")
            .namespace("io.leadstream.schema")
            .fields()
            .requiredString("eventId")
            .requiredString("leadId")
            .requiredString("outcome")
            .requiredLong("occurredAt")
            .endRecord();
    int id = producer.register(SUBJECT, other);

    assertThatThrownBy(() -> decoder.decode(framed(id, other, "WON"), null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA);
              assertThat(e.getMessage()).contains("cannot be read as LeadOutcome");
            });
  }

  private static LeadOutcome outcome() {
    return LeadOutcome.newBuilder()
        .setEventId("o-1")
        .setLeadId("lead-1")
        .setOutcome(OutcomeType.WON)
        .setOccurredAt(Instant.parse("2026-11-27T12:00:00Z"))
        .setValue(12_000.0)
        .setCurrency("EUR")
        .build();
  }

  /** The test's outcome written with {@code writer} (the fields it has), with another outcome. */
  private static byte[] framed(int id, Schema writer, String symbol) throws IOException {
    GenericRecord record = new GenericData.Record(writer);
    LeadOutcome outcome = outcome();
    record.put("eventId", outcome.getEventId());
    record.put("leadId", outcome.getLeadId());
    Schema type = writer.getField("outcome").schema();
    record.put(
        "outcome",
        type.getType() == Schema.Type.ENUM ? new GenericData.EnumSymbol(type, symbol) : symbol);
    record.put("occurredAt", outcome.getOccurredAt().toEpochMilli());
    for (String optional : new String[] {"value", "currency", "sourceSystem"}) {
      if (writer.getField(optional) != null) {
        record.put(optional, outcome.get(optional));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ConfluentWire.header(id));
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
