package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.errors.DeadLetterHeaders;
import io.leadstream.app.streams.serde.WriterSchemas;
import io.leadstream.app.testing.SharedModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer that evolved its LeadEvent schema (a field added with a default, a defaulted one
 * dropped, fields reordered) is read through Avro schema resolution once its writer schema is in
 * {@code leadstream.input.schemas}, and dead-lettered as UNKNOWN_SCHEMA, fingerprint named, before.
 */
class EvolvedWriterSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;
  @TempDir Path schemas;

  @Test
  void shouldScoreAnEvolvedProducerOnceItsWriterSchemaIsKnown() throws IOException {
    Schema evolved = evolved();
    byte[] value = encode(TestLeads.hot("lead-evolved").build(), evolved);

    List<TestRecord<byte[], byte[]>> unknown = run(Map.of(), value).deadLetters;
    assertThat(unknown).hasSize(1);
    assertThat(header(unknown.get(0), DeadLetterHeaders.REASON)).isEqualTo("UNKNOWN_SCHEMA");
    assertThat(header(unknown.get(0), DeadLetterHeaders.DETAIL))
        .contains(WriterSchemas.fingerprint(evolved))
        .contains("leadstream.input.schemas");

    Files.writeString(schemas.resolve("lead-event-v2.avsc"), evolved.toString());
    Outcome known = run(Map.of(LeadStreamConfig.INPUT_SCHEMAS_CONFIG, schemas.toString()), value);
    assertThat(known.deadLetters).isEmpty();
    assertThat(known.prioritized)
        .singleElement()
        .satisfies(
            lead -> {
              assertThat(lead.getLeadId()).isEqualTo("lead-evolved");
              assertThat(lead.getCompanyName()).isEqualTo("Northwind Logistics");
            });
  }

  @Test
  void shouldRefuseAWriterSchemaThatCannotBeReadAsLeadEvent() throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(LeadEvent.getClassSchema().toString());
    for (var field : schema.withArray("fields")) {
      if (field.get("name").asText().equals("leadId")) {
        ((ObjectNode) field).put("type", "int");
      }
    }
    Files.writeString(schemas.resolve("broken.avsc"), schema.toString());

    assertThatThrownBy(() -> WriterSchemas.load(Optional.of(schemas)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken.avsc")
        .hasMessageContaining("cannot be read as LeadEvent")
        .hasMessageContaining("/fields/1/type");
  }

  private record Outcome(
      List<TestRecord<byte[], byte[]>> deadLetters, List<PrioritizedLead> prioritized) {}

  private Outcome run(Map<String, Object> settings, byte[] value) {
    try (TopologyHarness harness =
        new TopologyHarness(
            new LeadStreamConfig(settings),
            SharedModel.get(),
            PipelineMetrics.inMemory(),
            stateDir.resolve("run-" + settings.size()))) {
      harness.raw().pipeInput("lead-evolved", value);
      return new Outcome(
          harness.deadLetters().readRecordsToList(), harness.prioritized().readValuesToList());
    }
  }

  /**
   * LeadEvent with a new optional field first, lastMessage (defaulted) dropped, notes moved to the
   * end.
   */
  private static Schema evolved() throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(LeadEvent.getClassSchema().toString());
    ArrayNode fields = schema.withArray("fields");
    ArrayNode reordered = JSON.createArrayNode();
    reordered.add(
        JSON.readTree("{\"name\":\"crmScore\",\"type\":[\"null\",\"double\"],\"default\":null}"));
    fields.forEach(
        field -> {
          String name = field.get("name").asText();
          if (!name.equals("lastMessage") && !name.equals("notes")) {
            reordered.add(field);
          }
        });
    fields.forEach(
        field -> {
          if (field.get("name").asText().equals("notes")) {
            reordered.add(field);
          }
        });
    schema.set("fields", reordered);
    return new Schema.Parser().parse(schema.toString());
  }

  private static byte[] encode(LeadEvent lead, Schema writer) throws IOException {
    byte[] own = LeadStreamSerdes.leadEvent().encode(lead);
    BinaryMessageDecoder<GenericRecord> asEvolved =
        new BinaryMessageDecoder<>(GenericData.get(), writer);
    asEvolved.addSchema(LeadEvent.getClassSchema());
    GenericRecord record = asEvolved.decode(own);
    record.put("crmScore", 0.7);
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer)
        .encode(record)
        .array();
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
