package io.leadstream.models.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object flattened into the row a mapping reads: nested objects' keys joined by '.' ({@code
 * properties.annualrevenue}), each scalar under its path as its text (a string's characters, a
 * number as written, {@code true}/{@code false}). {@code null} counts as missing. Arrays are not
 * flattened: a path that reaches an array holds no value, and the paths inside one cannot be named.
 * A key with a dot in its name is named by the same dotted spelling; when it spells the path of
 * nested keys in the same event, that path holds no value ({@link #shape}).
 */
public final class JsonRow {

  private static final int SHOWN_CHARACTERS = 40;

  /** What a path holds. */
  private enum Kind {
    SCALAR(null),
    NULL(null),
    OBJECT("an object"),
    ARRAY("an array"),
    CLASH("two values (a key with a dot in its name spells the path of nested keys)");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<String, String> cells = new HashMap<>();
  private final Set<String> strings = new HashSet<>();

  private JsonRow() {}

  /**
   * Reads the members of the object whose {@link JsonToken#START_OBJECT} the parser is at, up to
   * and including its {@link JsonToken#END_OBJECT}.
   */
  static JsonRow read(JsonParser parser) throws IOException {
    JsonRow row = new JsonRow();
    row.object(parser, "");
    return row;
  }

  /**
   * The event's columns, in the order it spells them: the paths of its values (null ones too) and
   * of its arrays, not of the objects that hold them.
   */
  public Set<String> paths() {
    Set<String> paths = new LinkedHashSet<>();
    kinds.forEach(
        (path, kind) -> {
          if (kind != Kind.OBJECT) {
            paths.add(path);
          }
        });
    return paths;
  }

  /** The scalar cells by path, as a mapping reads a row. */
  public Map<String, String> cells() {
    return cells;
  }

  /** Whether the path is in the event with the value {@code null}. */
  public boolean isNull(String path) {
    return kinds.get(path) == Kind.NULL;
  }

  /**
   * What a path that holds no single value holds ({@code an object}, {@code an array}, ...), or
   * null when it holds a scalar, null or nothing.
   */
  public String shape(String path) {
    Kind kind = kinds.get(path);
    return kind == null ? null : kind.description;
  }

  /**
   * The cell as the JSON wrote it, for messages: a string quoted, at most {@value
   * #SHOWN_CHARACTERS} characters of it.
   */
  public String shown(String path) {
    String value = cells.get(path);
    if (value == null) {
      return "nothing";
    }
    String cut =
        value.length() > SHOWN_CHARACTERS
            ? value.substring(0, SHOWN_CHARACTERS) + "... (" + value.length() + " characters)"
            : value;
    if (!strings.contains(path)) {
      return cut;
    }
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(cut)) + "\"";
  }

  private void object(JsonParser parser, String prefix) throws IOException {
    for (JsonToken token = parser.nextToken();
        token == JsonToken.FIELD_NAME;
        token = parser.nextToken()) {
      String path = prefix.isEmpty() ? parser.currentName() : prefix + "." + parser.currentName();
      JsonToken value = parser.nextToken();
      switch (value) {
        case START_OBJECT -> {
          mark(path, Kind.OBJECT);
          object(parser, path);
        }
        case START_ARRAY -> {
          mark(path, Kind.ARRAY);
          // read, so that what is not JSON inside is still found
          parser.skipChildren();
        }
        case VALUE_NULL -> mark(path, Kind.NULL);
        case VALUE_STRING -> {
          if (scalar(path, parser.getText())) {
            strings.add(path);
          }
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
            scalar(path, parser.getText());
        default -> throw new IllegalStateException("JSON parser gave " + value + " as a value");
      }
    }
  }

  private boolean scalar(String path, String text) {
    if (!mark(path, Kind.SCALAR)) {
      return false;
    }
    cells.put(path, text);
    return true;
  }

  /** Records what the path holds; false when another key already spelled it. */
  private boolean mark(String path, Kind kind) {
    Kind before = kinds.putIfAbsent(path, kind);
    if (before == null || (before == Kind.OBJECT && kind == Kind.OBJECT)) {
      return true;
    }
    kinds.put(path, Kind.CLASH);
    cells.remove(path);
    strings.remove(path);
    return false;
  }
}
