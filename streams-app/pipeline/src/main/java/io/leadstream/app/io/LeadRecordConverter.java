package io.leadstream.app.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Turns a JSON object shaped like the LeadEvent schema (nested objects, plain values, no Avro union
 * wrappers) into a {@link LeadEvent}, guided by the schema itself so that new optional fields need
 * no code. Numbers may be given as strings (CSV), times as ISO-8601 or epoch millis. A missing
 * eventId gets a random one and a missing occurredAt gets the current time.
 */
public final class LeadRecordConverter {

  static {
    AvroTrust.trustSchemaPackage();
  }

  private LeadRecordConverter() {}

  /**
   * @throws IllegalArgumentException naming the field and what is wrong with it
   */
  public static LeadEvent fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    ObjectNode object = ((ObjectNode) json).deepCopy();
    if (!object.hasNonNull("eventId")) {
      object.put("eventId", UUID.randomUUID().toString());
    }
    if (!object.hasNonNull("occurredAt")) {
      object.put("occurredAt", Instant.now().toEpochMilli());
    }
    GenericRecord record = (GenericRecord) convert(LeadEvent.getClassSchema(), object, "");
    return (LeadEvent)
        SpecificData.getForClass(LeadEvent.class).deepCopy(LeadEvent.getClassSchema(), record);
  }

  /** Builds the nested JSON object from flat, dotted column names such as {@code company.name}. */
  public static ObjectNode fromColumns(Map<String, String> columns) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    columns.forEach(
        (name, value) -> {
          if (value == null || value.isBlank()) {
            return;
          }
          String[] path = name.strip().split("\\.", 2);
          if (path.length == 1) {
            root.put(path[0], value.strip());
          } else {
            ObjectNode parent =
                root.has(path[0]) ? (ObjectNode) root.get(path[0]) : root.putObject(path[0]);
            parent.put(path[1], value.strip());
          }
        });
    return root;
  }

  private static Object convert(Schema schema, JsonNode node, String path) {
    switch (schema.getType()) {
      case RECORD:
        return convertRecord(schema, node, path);
      case UNION:
        if (node == null || node.isNull()) {
          if (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
            return null;
          }
          throw new IllegalArgumentException(path + " is required");
        }
        Schema branch =
            schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
        return convert(branch, node, path);
      case MAP:
        return convertMap(schema, node, path);
      case STRING:
        requireScalar(node, path);
        return node.asText();
      case INT:
        return (int) toLong(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG:
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
          return Instant.ofEpochMilli(toEpochMillis(node, path));
        }
        return toLong(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
      case DOUBLE:
      case FLOAT:
        return toDouble(node, path);
      case BOOLEAN:
        return toBoolean(node, path);
      case ENUM:
        return new GenericData.EnumSymbol(schema, node.asText());
      default:
        throw new IllegalArgumentException(path + ": unsupported schema type " + schema.getType());
    }
  }

  private static GenericRecord convertRecord(Schema schema, JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(display(path) + " must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.getField(name) == null) {
        throw new IllegalArgumentException(
            "unknown field " + join(path, name) + " (extra CRM fields go into \"attributes\")");
      }
    }
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      String fieldPath = join(path, field.name());
      JsonNode value = node.get(field.name());
      if (value == null || value.isNull()) {
        if (field.hasDefaultValue()) {
          record.put(field.pos(), GenericData.get().getDefaultValue(field));
          continue;
        }
        if (field.schema().getType() != Schema.Type.UNION) {
          throw new IllegalArgumentException(fieldPath + " is required");
        }
      }
      record.put(field.pos(), convert(field.schema(), value, fieldPath));
    }
    return record;
  }

  private static Map<String, Object> convertMap(Schema schema, JsonNode node, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object of name/value pairs");
    }
    Map<String, Object> map = new HashMap<>();
    node.properties()
        .forEach(
            e ->
                map.put(
                    e.getKey(),
                    convert(schema.getValueType(), e.getValue(), path + "." + e.getKey())));
    return map;
  }

  private static long toLong(JsonNode node, String path, long min, long max) {
    requireScalar(node, path);
    try {
      long value = node.isNumber() ? node.longValue() : Long.parseLong(node.asText().strip());
      if (node.isNumber() && !node.canConvertToLong() || value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + ": expected a whole number, got " + quote(node));
    }
  }

  private static double toDouble(JsonNode node, String path) {
    requireScalar(node, path);
    try {
      return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + ": expected a number, got " + quote(node));
    }
  }

  private static boolean toBoolean(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asText().strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default ->
          throw new IllegalArgumentException(path + ": expected true or false, got " + quote(node));
    };
  }

  private static long toEpochMillis(JsonNode node, String path) {
    if (node.isNumber()) {
      return node.longValue();
    }
    String text = node.asText().strip();
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Long.parseLong(text)
          : Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          path
              + ": expected an ISO-8601 instant such as 2026-11-28T09:30:00Z or epoch milliseconds, got "
              + quote(node));
    }
  }

  private static void requireScalar(JsonNode node, String path) {
    if (node.isContainerNode()) {
      throw new IllegalArgumentException(
          path
              + ": expected a single value, got "
              + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
  }

  private static String quote(JsonNode node) {
    String text = node.asText();
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String display(String path) {
    return path.isEmpty() ? "a lead" : path;
  }
}
