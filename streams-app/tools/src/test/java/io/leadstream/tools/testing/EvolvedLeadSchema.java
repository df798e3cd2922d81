package io.leadstream.tools.testing;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.registry.ConfluentWire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A producer's evolved LeadEvent writer schema, the three changes schema resolution allows: its
 * fields in reverse order, the defaulted {@code attributes} dropped, and an optional {@code
 * crmRegion} added.
 */
public final class EvolvedLeadSchema {

  public static final Schema SCHEMA = evolve(LeadEvent.getClassSchema());

  /** The producer's next version: {@link #SCHEMA} with an optional {@code crmTeam} added. */
  public static final Schema LATER = withOptionalString(SCHEMA, "crmTeam");

  private EvolvedLeadSchema() {}

  /** The lead as the evolved producer holds it, with a region of its own. */
  public static GenericRecord of(LeadEvent lead, String region) {
    return as(SCHEMA, lead, region);
  }

  /** The lead as the producer's next version holds it, with a region and a team. */
  public static GenericRecord later(LeadEvent lead, String region, String team) {
    GenericRecord record = as(LATER, lead, region);
    record.put("crmTeam", team);
    return record;
  }

  private static GenericRecord as(Schema schema, LeadEvent lead, String region) {
    byte[] body = body(LeadEvent.getClassSchema(), lead);
    try {
      GenericRecord record =
          new GenericDatumReader<GenericRecord>(LeadEvent.getClassSchema(), schema)
              .read(null, DecoderFactory.get().binaryDecoder(body, null));
      record.put("crmRegion", region);
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** In the schema registry wire format, written with schema {@code id}. */
  public static byte[] framed(int id, GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ConfluentWire.header(id));
    out.writeBytes(body(record.getSchema(), record));
    return out.toByteArray();
  }

  /** In Avro single-object encoding, with the fingerprint of the record's schema. */
  public static byte[] singleObject(GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new BinaryMessageEncoder<GenericRecord>(GenericData.get(), record.getSchema())
          .encode(record, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> byte[] body(Schema schema, T record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    DatumWriter<T> writer =
        record instanceof LeadEvent
            ? new SpecificDatumWriter<>(schema)
            : new GenericDatumWriter<>(schema);
    try {
      writer.write(record, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Schema evolve(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    List<Schema.Field> reversed = new ArrayList<>(schema.getFields());
    Collections.reverse(reversed);
    for (Schema.Field field : reversed) {
      if (!field.name().equals("attributes")) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    fields.add(optionalString("crmRegion"));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema withOptionalString(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    fields.add(optionalString(name));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema.Field optionalString(String name) {
    return new Schema.Field(
        name,
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
        "the producer's own addition",
        Schema.Field.NULL_DEFAULT_VALUE);
  }
}
