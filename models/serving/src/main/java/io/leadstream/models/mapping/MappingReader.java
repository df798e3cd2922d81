package io.leadstream.models.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads mapping YAML into a {@link MappingFile}: checks the YAML, that no key repeats or is
 * unknown, and that each value is a single value, a list or a mapping where the grammar wants one.
 * What the values mean {@link MappingParser} checks. Every message names file and key.
 */
final class MappingReader {

  /** What {@code features[i].values} must be. */
  static final String VALUES_SHAPE =
      "must map values to what they mean, e.g. {0: none, 1: \"1 to 50k\"}";

  /** Fails on unknown keys, the default. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String origin;

  MappingReader(String origin) {
    this.origin = origin;
  }

  MappingFile read(String yaml) {
    return read(yaml, MappingFile.class, "id and label", "id, label, features, ...");
  }

  /**
   * Binds mapping YAML to {@code section}, a record whose components are the allowed keys.
   *
   * @param required the keys a file must have, for the message about an empty one
   * @param typical its main keys, for the message about a file that holds no keys
   */
  <T> T read(String yaml, Class<T> section, String required, String typical) {
    JsonNode root = tree(yaml);
    if (root == null) {
      throw new MappingException(origin + " is empty: expected at least the keys " + required);
    }
    if (!root.isObject()) {
      throw new MappingException(
          origin + ": expected keys (" + typical + ") at the top level, got " + kind(root));
    }
    try {
      return MAPPER.treeToValue(root, section);
    } catch (UnrecognizedPropertyException e) {
      throw unknownKey(e);
    } catch (MismatchedInputException e) {
      throw wrongShape(e, root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          section.getSimpleName() + " cannot bind a tree of text values", e);
    }
  }

  private JsonNode tree(String yaml) {
    try {
      return YamlTree.read(yaml);
    } catch (YamlTree.DuplicateKey e) {
      throw new MappingException(origin + " line " + e.line + ": " + e.getMessage(), e);
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : " line " + location.getLineNr();
      String message =
          e.getOriginalMessage()
              .lines()
              .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
              .collect(Collectors.joining("; "));
      throw new MappingException(origin + where + ": not valid YAML: " + message, e);
    } catch (IOException e) {
      throw new MappingException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private MappingException unknownKey(UnrecognizedPropertyException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    String where = key(path.subList(0, path.size() - 1));
    String key = e.getPropertyName();
    List<String> allowed = keys(e.getReferringClass());
    return new MappingException(
        origin
            + ": "
            + (where.isEmpty() ? "" : where + ": ")
            + "unknown key '"
            + key
            + "'"
            + Names.didYouMean(key, allowed)
            + " Allowed keys: "
            + String.join(", ", allowed));
  }

  private MappingException wrongShape(MismatchedInputException e, JsonNode root) {
    String path = key(e.getPath());
    JsonNode value = root;
    for (JsonMappingException.Reference step : e.getPath()) {
      // an index into a value that is not a list: a single value read as a list of one
      value =
          step.getFieldName() != null
              ? value.get(step.getFieldName())
              : value.isArray() ? value.get(step.getIndex()) : value;
    }
    String got = ", got " + kind(value);
    String expected =
        switch (path.replaceAll("\\[\\d+]", "[]")) {
          case "label" -> "must have keys column and positive/negative (or type: continuous)";
          case "time" -> "must be a column name or {column: ..., format: ...}";
          case "join[]" -> "must be {file: accounts.csv, key: <column>}" + got;
          case "features" -> "must be a list of {column: ..., type: ...}" + got;
          case "features[]" -> "must be {column: ..., type: ...}" + got;
          case "features[].values" -> VALUES_SHAPE + got;
          case "outcome" -> "must have keys column and values";
          case "outcome.values" ->
              "must map the CRM's values to outcomes, e.g. {closedwon: WON}" + got;
          case "fields" -> "must map LeadEvent field paths to columns" + got;
          default -> "must be a single value" + got;
        };
    // a column's messages name the section that holds it: label, time, features[2]
    String key =
        path.matches("(label|time|outcome|features\\[\\d+])\\.column")
            ? path.substring(0, path.lastIndexOf('.'))
            : path;
    return new MappingException(origin + ": " + key + " " + expected);
  }

  /**
   * The keys of a section, in the order its record declares them (Jackson knows them unordered).
   */
  private static List<String> keys(Class<?> section) {
    return Arrays.stream(section.getRecordComponents())
        .map(
            component -> {
              JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
              return renamed != null ? renamed.value() : component.getName();
            })
        .toList();
  }

  /** The key a path names: {@code features[2].values.0}. */
  private static String key(List<JsonMappingException.Reference> path) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() == null) {
        key.append('[').append(step.getIndex()).append(']');
      } else {
        key.append(key.isEmpty() ? "" : ".").append(step.getFieldName());
      }
    }
    return key.toString();
  }

  private static String kind(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "'" + node.asText() + "'";
  }
}
