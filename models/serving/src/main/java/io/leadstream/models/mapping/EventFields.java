package io.leadstream.models.mapping;

import io.leadstream.models.scoring.LeadFields;
import io.leadstream.schema.LeadEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Writable leaf fields of the LeadEvent, by dotted path, read from the Avro schema so that a new
 * schema field can be mapped without code. Fields the export reader fills itself are not writable.
 */
final class EventFields {

  /** Value kinds of leaf fields. */
  enum Kind {
    STRING("a string"),
    INT("an int"),
    LONG("a long"),
    FLOAT("a float"),
    DOUBLE("a double"),
    BOOLEAN("a boolean");

    final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean numeric() {
      return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }
  }

  private static final Set<String> RESERVED =
      Set.of("eventId", "leadId", "occurredAt", "sourceSystem", "notes", "attributes");
  private static final SpecificData MODEL = SpecificData.getForClass(LeadEvent.class);

  private EventFields() {}

  /**
   * The kind of the leaf field at {@code path}.
   *
   * @throws IllegalArgumentException saying why the path cannot be written
   */
  static Kind kindOf(String path) {
    try {
      LeadFields.requireKnownSource(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + path
              + "' is not a LeadEvent field"
              + Names.didYouMean(path, leafPaths())
              + " Fields: "
              + String.join(", ", leafPaths()));
    }
    if (path.startsWith("attributes.") || RESERVED.contains(path)) {
      throw new IllegalArgumentException(
          "'" + path + "' is filled by the export reader itself (use id, time, text or features)");
    }
    Schema schema = LeadEvent.getClassSchema();
    for (String part : path.split("\\.")) {
      schema = nonNull(nonNull(schema).getField(part).schema());
    }
    return switch (schema.getType()) {
      case STRING -> Kind.STRING;
      case INT -> Kind.INT;
      case LONG -> Kind.LONG;
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case BOOLEAN -> Kind.BOOLEAN;
      default ->
          throw new IllegalArgumentException(
              "'"
                  + path
                  + "' is a "
                  + schema.getType().getName()
                  + ", not a single value;"
                  + " fields: "
                  + String.join(", ", leafPaths()));
    };
  }

  /**
   * The typed value of a cell for a field of {@code kind}.
   *
   * @throws IllegalArgumentException with the expectation when the cell does not fit
   */
  static Object convert(Kind kind, String value) {
    return switch (kind) {
      case STRING -> value;
      case INT -> exact(() -> wholeNumber(value).intValueExact(), "int");
      case LONG -> exact(() -> wholeNumber(value).longValueExact(), "long");
      case FLOAT -> (float) CellValues.number(value);
      case DOUBLE -> CellValues.number(value);
      case BOOLEAN -> CellValues.bool(value);
    };
  }

  /** Writes {@code value} at {@code path}, creating the records on the way with their defaults. */
  static void set(LeadEvent event, String path, Object value) {
    String[] parts = path.split("\\.");
    GenericRecord record = event;
    for (int i = 0; i < parts.length - 1; i++) {
      Schema.Field field = record.getSchema().getField(parts[i]);
      Object child = record.get(field.pos());
      if (child == null) {
        child = newRecord(nonNull(field.schema()));
        record.put(field.pos(), child);
      }
      record = (GenericRecord) child;
    }
    record.put(parts[parts.length - 1], value);
  }

  private static GenericRecord newRecord(Schema schema) {
    GenericRecord record = (GenericRecord) MODEL.newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(field.pos(), MODEL.getDefaultValue(field));
    }
    return record;
  }

  private static BigDecimal wholeNumber(String value) {
    BigDecimal number = new BigDecimal(CellValues.requireNumber(value));
    if (number.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("expected a whole number");
    }
    return number;
  }

  private static Object exact(Supplier<Object> conversion, String type) {
    try {
      return conversion.get();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("expected a whole number that fits " + type);
    }
  }

  /** The writable leaf paths, e.g. {@code company.name}. */
  static List<String> leafPaths() {
    return leafPaths("", LeadEvent.getClassSchema());
  }

  private static List<String> leafPaths(String prefix, Schema schema) {
    return nonNull(schema).getFields().stream()
        .filter(f -> !prefix.isEmpty() || !RESERVED.contains(f.name()))
        .flatMap(
            f ->
                nonNull(f.schema()).getType() == Schema.Type.RECORD
                    ? leafPaths(prefix + f.name() + ".", f.schema()).stream()
                    : Stream.of(prefix + f.name()))
        .toList();
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElse(schema);
  }
}
