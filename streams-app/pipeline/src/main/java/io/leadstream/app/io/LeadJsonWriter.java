package io.leadstream.app.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes an Avro record as the plain JSON that {@link LeadRecordConverter} reads: nested objects,
 * no union wrappers, null fields left out, times as ISO-8601.
 */
public final class LeadJsonWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LeadJsonWriter() {}

  public static String toJsonLine(IndexedRecord record) {
    try {
      return JSON.writeValueAsString(toJson(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A lead could not be written as JSON", e);
    }
  }

  /** The record as a JSON object (null fields and empty maps left out). */
  public static ObjectNode toJson(IndexedRecord record) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
        node.set(field.name(), value(value));
      }
    }
    return node;
  }

  private static JsonNode value(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof IndexedRecord nested) {
      return toJson(nested);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = f.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = f.objectNode();
      map.forEach((k, v) -> node.set(k.toString(), value(v)));
      return node;
    }
    if (value instanceof Instant instant) {
      return f.textNode(instant.toString());
    }
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    return f.textNode(value.toString());
  }
}
