package io.leadstream.models.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadstream.models.mapping.ColumnUse.Role;
import io.leadstream.models.scoring.FeatureSpec;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns mapping YAML into a validated {@link LeadMapping}; every message names file and key. */
final class MappingParser {

  private static final List<String> TOP_KEYS =
      List.of(
          "id",
          "label",
          "time",
          "delimiter",
          "missing",
          "join",
          "text",
          "features",
          "fields",
          "segment",
          "exclude",
          "language");
  private static final List<String> LABEL_KEYS = List.of("column", "type", "positive", "negative");
  private static final List<String> TIME_KEYS = List.of("column", "format", "zone");
  private static final List<String> JOIN_KEYS =
      List.of("file", "key", "file_key", "prefix", "delimiter");
  private static final List<String> FEATURE_KEYS =
      List.of("column", "type", "transform", "label", "field", "max_levels", "min_count", "unit",
          "values");
  private static final List<String> LABEL_TYPES = List.of("binary", "continuous");
  private static final List<String> FEATURE_TYPES = List.of("numeric", "boolean", "categorical");
  private static final List<String> TRANSFORMS = List.of("none", "log1p");
  private static final List<String> LANGUAGES = List.of("en", "zh");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String origin;
  private final List<ColumnUse> uses = new ArrayList<>();

  MappingParser(String origin) {
    this.origin = origin;
  }

  LeadMapping parse(String yaml) {
    JsonNode root = readTree(yaml);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new MappingException(origin + " is empty: expected at least the keys id and label");
    }
    if (!root.isObject()) {
      throw new MappingException(
          origin
              + ": expected keys (id, label, features, ...) at the top level, got "
              + kind(root));
    }
    checkKeys(root, "", TOP_KEYS);
    String id = column(required(root, "id", "the column holding the lead id"), "id", Role.ID);
    LabelMapping label = label(required(root, "label", "the column holding the outcome"));
    TimeMapping time = root.has("time") ? time(root.get("time")) : null;
    char delimiter = root.has("delimiter") ? delimiter(root.get("delimiter")) : ',';
    List<String> missing =
        root.has("missing") ? scalars(root.get("missing"), "missing") : LeadMapping.DEFAULT_MISSING;
    List<String> text = columns(root.get("text"), "text", Role.TEXT);
    List<FeatureMapping> features = features(root.get("features"), !text.isEmpty());
    Map<String, String> fields = fields(root.get("fields"));
    String segment =
        root.has("segment") ? column(root.get("segment"), "segment", Role.SEGMENT) : null;
    List<String> exclude = columns(root.get("exclude"), "exclude", Role.EXCLUDE);
    List<JoinMapping> joins = joins(root.get("join"));
    String language = root.has("language") ? oneOf(root.get("language"), "language", LANGUAGES)
        : null;

    if (features.isEmpty() && text.isEmpty()) {
      throw new MappingException(
          origin + ": neither features nor text: the scorer needs at least one column to read");
    }
    checkRoles();
    checkFieldTargets(features, fields);
    return new LeadMapping(
        origin, id, label, time, delimiter, missing, root.has("missing"), text, features, fields,
        segment, exclude, joins, language, uses);
  }

  private JsonNode readTree(String yaml) {
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

  private LabelMapping label(JsonNode node) {
    if (!node.isObject()) {
      throw error("label", "must have keys column and positive/negative (or type: continuous)");
    }
    checkKeys(node, "label", LABEL_KEYS);
    String column = column(required(node, "label.column", "the label column"), "label", Role.LABEL);
    String type = node.has("type") ? oneOf(node.get("type"), "label.type", LABEL_TYPES) : "binary";
    if (type.equals("continuous")) {
      for (String key : List.of("positive", "negative")) {
        if (node.has(key)) {
          throw error("label." + key, "is not allowed with label.type continuous");
        }
      }
      return new LabelMapping(column, true, List.of(), List.of());
    }
    List<String> positive =
        scalars(
            required(node, "label.positive", "the values that count as converted, e.g. [\"1\"]"),
            "label.positive");
    List<String> negative =
        scalars(
            required(
                node, "label.negative", "the values that count as not converted, e.g. [\"0\"]"),
            "label.negative");
    LabelMapping label = new LabelMapping(column, false, positive, negative);
    for (String value : negative) {
      if (label.converted(value).orElse(false)) {
        throw error("label", "value '" + value + "' is both positive and negative");
      }
    }
    return label;
  }

  private TimeMapping time(JsonNode node) {
    if (node.isValueNode()) {
      return new TimeMapping(column(node, "time", Role.TIME), null, ZoneOffset.UTC);
    }
    if (!node.isObject()) {
      throw error("time", "must be a column name or {column: ..., format: ...}");
    }
    checkKeys(node, "time", TIME_KEYS);
    String column = column(required(node, "time.column", "the time column"), "time", Role.TIME);
    String format = node.has("format") ? scalar(node.get("format"), "time.format") : null;
    ZoneId zone = ZoneOffset.UTC;
    if (node.has("zone")) {
      String text = scalar(node.get("zone"), "time.zone");
      try {
        zone = ZoneId.of(text);
      } catch (DateTimeException e) {
        throw error("time.zone", "'" + text + "' is not a time zone such as UTC or Europe/Berlin");
      }
    }
    try {
      return new TimeMapping(column, format, zone);
    } catch (IllegalArgumentException e) {
      throw error("time.format", "'" + format + "' is not a date pattern: " + e.getMessage());
    }
  }

  private char delimiter(JsonNode node) {
    return delimiter(node, "delimiter");
  }

  private char delimiter(JsonNode node, String key) {
    String text = scalar(node, key);
    if (text.length() != 1 || "\"\r\n".contains(text)) {
      throw error(key, "'" + text + "' must be one character such as \",\", \";\" or \"\\t\"");
    }
    return text.charAt(0);
  }

  private List<JoinMapping> joins(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    JsonNode list = node.isArray() ? node : NODES.arrayNode().add(node);
    List<JoinMapping> joins = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "join[" + i + "]";
      JsonNode join = list.get(i);
      if (!join.isObject()) {
        throw error(key, "must be {file: accounts.csv, key: <column>}, got " + kind(join));
      }
      checkKeys(join, key, JOIN_KEYS);
      String file = scalar(required(join, key + ".file", "the CSV file to join"), key + ".file")
          .strip();
      if (file.isEmpty()) {
        throw error(key + ".file", "names no file");
      }
      String column = column(required(join, key + ".key",
          "the column holding the key the file is joined by"), key + ".key", Role.JOIN);
      String fileKey = join.has("file_key") ? scalar(join.get("file_key"), key + ".file_key")
          .strip() : column;
      if (fileKey.isEmpty()) {
        throw error(key + ".file_key", "names no column");
      }
      String prefix = join.has("prefix") ? scalar(join.get("prefix"), key + ".prefix") : "";
      Character delimiter = join.has("delimiter")
          ? delimiter(join.get("delimiter"), key + ".delimiter") : null;
      joins.add(new JoinMapping(file, column, fileKey, prefix, delimiter, key));
    }
    return joins;
  }

  private List<FeatureMapping> features(JsonNode node, boolean hasText) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw error("features", "must be a list of {column: ..., type: ...}, got " + kind(node));
    }
    Set<String> names = new HashSet<>();
    if (hasText) {
      names.add(LeadMapping.TEXT_FEATURE);
    }
    List<FeatureMapping> features = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      FeatureMapping feature = feature(node.get(i), "features[" + i + "]", names);
      names.add(feature.name());
      features.add(feature);
    }
    return features;
  }

  private FeatureMapping feature(JsonNode node, String key, Set<String> names) {
    if (!node.isObject()) {
      throw error(key, "must be {column: ..., type: ...}, got " + kind(node));
    }
    checkKeys(node, key, FEATURE_KEYS);
    String column =
        column(required(node, key + ".column", "the feature's column"), key, Role.FEATURE);
    String typeName =
        oneOf(
            required(node, key + ".type", "one of " + String.join(", ", FEATURE_TYPES)),
            key + ".type",
            FEATURE_TYPES);
    FeatureSpec.Type type = FeatureSpec.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
    FeatureSpec.Transform transform = FeatureSpec.Transform.NONE;
    if (node.has("transform")) {
      requireType(type, FeatureSpec.Type.NUMERIC, key + ".transform");
      transform =
          FeatureSpec.Transform.valueOf(
              oneOf(node.get("transform"), key + ".transform", TRANSFORMS)
                  .toUpperCase(Locale.ROOT));
    }
    int maxLevels = FeatureMapping.DEFAULT_MAX_LEVELS;
    if (node.has("max_levels")) {
      requireType(type, FeatureSpec.Type.CATEGORICAL, key + ".max_levels");
      maxLevels = positiveInt(node.get("max_levels"), key + ".max_levels");
    }
    int minCount = FeatureMapping.DEFAULT_MIN_COUNT;
    if (node.has("min_count")) {
      requireType(type, FeatureSpec.Type.CATEGORICAL, key + ".min_count");
      minCount = positiveInt(node.get("min_count"), key + ".min_count");
    }
    String label = node.has("label") ? scalar(node.get("label"), key + ".label") : column;
    String field = null;
    if (node.has("field")) {
      field = scalar(node.get("field"), key + ".field");
      requireFieldFor(type, field, key + ".field");
    }
    String unit = null;
    if (node.has("unit")) {
      requireType(type, FeatureSpec.Type.NUMERIC, key + ".unit");
      unit = scalar(node.get("unit"), key + ".unit").strip();
    }
    Map<String, String> values = node.has("values") ? values(node.get("values"), key + ".values")
        : Map.of();
    return new FeatureMapping(
        column,
        Names.machineName(column, names),
        type,
        transform,
        label,
        field,
        maxLevels,
        minCount,
        unit,
        values);
  }

  /** What values mean: {@code {0: none, 1: "1 to 50k"}}, keys as the export spells the values. */
  private Map<String, String> values(JsonNode node, String key) {
    if (!node.isObject() || node.isEmpty()) {
      throw error(key, "must map values to what they mean, e.g. {0: none, 1: \"1 to 50k\"},"
          + " got " + kind(node));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      values.put(entry.getKey().strip(),
          scalar(entry.getValue(), key + "." + entry.getKey()).strip());
    }
    return values;
  }

  private void requireFieldFor(FeatureSpec.Type type, String field, String key) {
    EventFields.Kind kind = kindOf(field, key);
    boolean fits =
        switch (type) {
          case NUMERIC -> kind.numeric();
          case BOOLEAN -> kind == EventFields.Kind.BOOLEAN;
          case CATEGORICAL -> kind == EventFields.Kind.STRING;
        };
    if (!fits) {
      String needed =
          switch (type) {
            case NUMERIC -> "an int, long, float or double field";
            case BOOLEAN -> "a boolean field";
            case CATEGORICAL -> "a string field";
          };
      throw error(
          key,
          "'"
              + field
              + "' is "
              + kind.description
              + " field; a "
              + type.name().toLowerCase(Locale.ROOT)
              + " feature needs "
              + needed);
    }
  }

  private Map<String, String> fields(JsonNode node) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return fields;
    }
    if (!node.isObject()) {
      throw error("fields", "must map LeadEvent field paths to columns, got " + kind(node));
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = "fields." + entry.getKey();
      kindOf(entry.getKey(), key);
      fields.put(entry.getKey(), column(entry.getValue(), key, Role.FIELD));
    }
    return fields;
  }

  private EventFields.Kind kindOf(String field, String key) {
    try {
      return EventFields.kindOf(field);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private void checkFieldTargets(List<FeatureMapping> features, Map<String, String> fields) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).field() != null) {
        claim(targets, features.get(i).field(), "features[" + i + "].field");
      }
    }
    for (String path : fields.keySet()) {
      claim(targets, path, "fields." + path);
    }
  }

  private void claim(Map<String, String> targets, String path, String key) {
    String previous = targets.putIfAbsent(path, key);
    if (previous != null) {
      throw error(key, "writes LeadEvent field '" + path + "', which " + previous + " also writes");
    }
  }

  /** A column may have one exclusive role (id, label, time, exclude) and each role once. */
  private void checkRoles() {
    Map<String, List<ColumnUse>> byColumn = new LinkedHashMap<>();
    for (ColumnUse use : uses) {
      byColumn.computeIfAbsent(use.column(), c -> new ArrayList<>()).add(use);
    }
    for (Map.Entry<String, List<ColumnUse>> entry : byColumn.entrySet()) {
      List<ColumnUse> columnUses = entry.getValue();
      for (int i = 0; i < columnUses.size(); i++) {
        for (int j = i + 1; j < columnUses.size(); j++) {
          ColumnUse first = columnUses.get(i);
          ColumnUse second = columnUses.get(j);
          // a join key may be any column, and several files may join by one
          boolean conflict = first.role() != Role.JOIN && second.role() != Role.JOIN
              && (first.role() == second.role()
                  ? first.role() != Role.FIELD
                  : first.role().exclusive || second.role().exclusive);
          if (conflict) {
            throw new MappingException(
                origin
                    + ": column '"
                    + entry.getKey()
                    + "' is used twice, as "
                    + first.key()
                    + " and as "
                    + second.key()
                    + "; id, label, time and exclude columns can have"
                    + " no other use, and a column is listed once per section");
          }
        }
      }
    }
  }

  private void checkKeys(JsonNode node, String where, List<String> allowed) {
    for (String key : (Iterable<String>) node::fieldNames) {
      if (!allowed.contains(key)) {
        String prefix = where.isEmpty() ? origin + ": " : origin + ": " + where + ": ";
        String hint = Names.didYouMean(key, allowed);
        throw new MappingException(
            prefix
                + "unknown key '"
                + key
                + "'"
                + hint
                + " Allowed keys: "
                + String.join(", ", allowed));
      }
    }
  }

  private JsonNode required(JsonNode parent, String key, String what) {
    JsonNode node = parent.get(key.substring(key.lastIndexOf('.') + 1));
    if (node == null || node.isNull()) {
      throw error(key, "is required: " + what);
    }
    return node;
  }

  private String column(JsonNode node, String key, Role role) {
    String column = scalar(node, key).strip();
    if (column.isEmpty()) {
      throw error(key, "names no column");
    }
    uses.add(new ColumnUse(column, key, role));
    return column;
  }

  private List<String> columns(JsonNode node, String key, Role role) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    JsonNode list = node.isArray() ? node : NODES.arrayNode().add(node);
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      columns.add(column(list.get(i), key + "[" + i + "]", role));
    }
    return columns;
  }

  private List<String> scalars(JsonNode node, String key) {
    JsonNode list = node.isArray() ? node : NODES.arrayNode().add(node);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      values.add(scalar(list.get(i), key + "[" + i + "]"));
    }
    return values;
  }

  private String scalar(JsonNode node, String key) {
    if (node == null || !node.isValueNode()) {
      throw error(key, "must be a single value, got " + kind(node));
    }
    return node.asText();
  }

  private String oneOf(JsonNode node, String key, List<String> allowed) {
    String value = scalar(node, key);
    String normalized = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(normalized)) {
      throw error(key, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
    return normalized;
  }

  private int positiveInt(JsonNode node, String key) {
    String text = scalar(node, key).strip();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1) {
      throw error(key, "must be a whole number of at least 1, got '" + text + "'");
    }
    return value;
  }

  private void requireType(FeatureSpec.Type type, FeatureSpec.Type needed, String key) {
    if (type != needed) {
      throw error(key, "applies to " + needed.name().toLowerCase(Locale.ROOT) + " features only");
    }
  }

  private MappingException error(String key, String message) {
    return new MappingException(origin + ": " + key + " " + message);
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "'" + node.asText() + "'";
  }
}
