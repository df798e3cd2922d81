package io.leadstream.models.scoring;

import io.leadstream.schema.LeadEvent;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Reads a LeadEvent field by its dotted path, as feature specs name them. */
public final class LeadFields {
  private LeadFields() {}

  /**
   * The value at {@code source}, or null when it or a record on the way is missing. Sources: dotted
   * LeadEvent paths ({@code company.employees}), {@code attributes.<key>} (a String), and {@link
   * FeatureSpec#OPPORTUNITY_PROBABILITY}, which is not in the event and gives null here.
   */
  public static Object valueOf(LeadEvent event, String source) {
    if (source.startsWith(FeatureSpec.ATTRIBUTES_PREFIX)) {
      Map<String, String> attributes = event.getAttributes();
      return attributes == null
          ? null
          : attributes.get(source.substring(FeatureSpec.ATTRIBUTES_PREFIX.length()));
    }
    if (source.equals(FeatureSpec.OPPORTUNITY_PROBABILITY)) {
      return null;
    }
    Object current = event;
    for (String part : source.split("\\.")) {
      if (!(current instanceof GenericRecord record)) {
        return null;
      }
      current = record.get(part);
    }
    return current;
  }

  /**
   * Checks that {@code source} names a LeadEvent field (or attributes/opportunity probability).
   *
   * @throws IllegalArgumentException naming the source when it does not
   */
  public static void requireKnownSource(String source) {
    if (source.equals(FeatureSpec.OPPORTUNITY_PROBABILITY)) {
      return;
    }
    if (source.startsWith(FeatureSpec.ATTRIBUTES_PREFIX)) {
      if (source.length() == FeatureSpec.ATTRIBUTES_PREFIX.length()) {
        throw new IllegalArgumentException("source 'attributes.' needs a key");
      }
      return;
    }
    Schema schema = LeadEvent.getClassSchema();
    for (String part : source.split("\\.")) {
      Schema record = nonNull(schema);
      Schema.Field field = record.getType() == Schema.Type.RECORD ? record.getField(part) : null;
      if (field == null) {
        throw new IllegalArgumentException("source '" + source + "' is not a LeadEvent field");
      }
      schema = field.schema();
    }
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }
}
