package io.leadstream.tools.demo;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.RegistryAvroSerde;
import io.leadstream.schema.registry.ConfluentWire;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Records no JSON file can express: bytes that are not Avro, Avro of an unknown schema, truncated
 * Avro, invalid UTF-8 inside a text field, and an empty value, in the pipeline's Avro input format
 * (single-object, or the schema registry wire format, which adds a writer schema that cannot be
 * read as LeadEvent). The demo sends them beside the sample leads to show that bad input is
 * dead-lettered, not lost, and the pipeline goes on.
 */
public final class MalformedRecords {

  /** One raw record to send. */
  public record RawRecord(String key, byte[] value, String what) {}

  private static final String MARKER = "@@BROKEN@@";

  /** A schema id no registry of the demo has handed out. */
  private static final int UNKNOWN_SCHEMA_ID = 999_999;

  private MalformedRecords() {}

  /** The malformed records of the pipeline's input format. */
  public static List<RawRecord> of(LeadStreamConfig config) {
    return switch (config.inputFormat()) {
      case AVRO -> singleObject();
      case CONFLUENT_AVRO ->
          registry(new SchemaRegistryClient(config.schemaRegistry().orElseThrow()), config);
      case JSON -> List.of();
    };
  }

  /** Single-object encoding's: the unknown schema is a fingerprint no writer schema has. */
  public static List<RawRecord> singleObject() {
    Function<LeadEvent, byte[]> encoder = LeadStreamSerdes.leadEvent()::encode;
    byte[] unknownSchema = encoder.apply(lead("demo-bad-avro-1", "A complete note"));
    unknownSchema[2] ^= (byte) 0xFF; // flip the first byte of the schema fingerprint
    return common(
        encoder,
        new RawRecord("demo-bad-avro-1", unknownSchema, "Avro with an unknown schema fingerprint"));
  }

  /**
   * The registry wire format's: a schema id the registry never gave out, and a writer schema
   * registered under another subject that cannot be read as LeadEvent.
   */
  public static List<RawRecord> registry(SchemaRegistryClient registry, LeadStreamConfig config) {
    RegistryAvroSerde<LeadEvent> serde = LeadStreamSerdes.leadEvent(registry);
    Function<LeadEvent, byte[]> encoder = lead -> serde.encode(config.rawTopic(), lead);
    byte[] unknownSchema = encoder.apply(lead("demo-bad-avro-1", "A complete note"));
    System.arraycopy(ConfluentWire.header(UNKNOWN_SCHEMA_ID), 0, unknownSchema, 0, 5);
    return common(
        encoder,
        new RawRecord("demo-bad-avro-1", unknownSchema, "Avro naming an unknown schema id"),
        new RawRecord(
            "demo-incompatible",
            incompatible(registry),
            "Avro whose writer schema has occurredAt as a string"));
  }

  private static List<RawRecord> common(Function<LeadEvent, byte[]> encoder, RawRecord... more) {
    byte[] valid = encoder.apply(lead("demo-bad-avro-1", "A complete note"));
    List<RawRecord> records = new ArrayList<>();
    records.add(
        new RawRecord(
            "demo-bad-json",
            "{\"leadId\": \"demo-bad-json\"}".getBytes(StandardCharsets.UTF_8),
            "JSON instead of Avro"));
    records.addAll(List.of(more));
    records.add(
        new RawRecord("demo-bad-avro-1", Arrays.copyOf(valid, valid.length / 2), "truncated Avro"));
    records.add(new RawRecord("demo-bad-utf8", brokenUtf8(encoder), "invalid UTF-8 in the notes"));
    records.add(new RawRecord("demo-empty", new byte[0], "an empty value"));
    return List.copyOf(records);
  }

  /** A LeadEvent-like record whose occurredAt is a string: no schema resolution reads it. */
  private static byte[] incompatible(SchemaRegistryClient registry) {
    Schema writer =
        SchemaBuilder.record("LeadEvent")
            .namespace("io.leadstream.schema")
            .fields()
            .requiredString("eventId")
            .requiredString("leadId")
            .requiredString("occurredAt")
            .endRecord();
    int id = registry.register("demo-incompatible-value", writer);
    GenericRecord record = new GenericData.Record(writer);
    record.put("eventId", "demo-incompatible-event");
    record.put("leadId", "demo-incompatible");
    record.put("occurredAt", "yesterday");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ConfluentWire.header(id));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] brokenUtf8(Function<LeadEvent, byte[]> encoder) {
    byte[] bytes = encoder.apply(lead("demo-bad-utf8", "Call back about " + MARKER));
    byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + marker.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        bytes[i] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not valid UTF-8
        bytes[i + 2] = (byte) 0xFF; // never valid in UTF-8
        return bytes;
      }
    }
    throw new IllegalStateException("marker not found in the encoded lead");
  }

  private static LeadEvent lead(String leadId, String notes) {
    return LeadEvent.newBuilder()
        .setEventId(leadId + "-event")
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse("2026-11-20T09:00:00Z"))
        .setNotes(notes)
        .build();
  }
}
