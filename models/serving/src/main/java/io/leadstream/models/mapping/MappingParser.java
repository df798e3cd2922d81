package io.leadstream.models.mapping;

import io.leadstream.models.mapping.ColumnUse.Role;
import io.leadstream.models.scoring.FeatureSpec;
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

/**
 * Turns mapping YAML into a validated {@link LeadMapping}: {@link MappingReader} binds it to a
 * {@link MappingFile}, checking keys and shapes, then one pass over its sections checks what the
 * values mean (required keys, allowed values, LeadEvent fields, the columns' roles). Every message
 * names file and key.
 */
final class MappingParser {

  private static final List<String> LABEL_TYPES = List.of("binary", "continuous");
  private static final List<String> FEATURE_TYPES = List.of("numeric", "boolean", "categorical");
  private static final List<String> TRANSFORMS = List.of("none", "log1p");
  private static final List<String> LANGUAGES = List.of("en", "zh");

  private final String origin;
  private final List<ColumnUse> uses = new ArrayList<>();

  MappingParser(String origin) {
    this.origin = origin;
  }

  LeadMapping parse(String yaml) {
    MappingFile file = new MappingReader(origin).read(yaml);
    String id = column(required(file.id(), "id", "the column holding the lead id"), "id", Role.ID);
    LabelMapping label = label(required(file.label(), "label", "the column holding the outcome"));
    TimeMapping time = file.time() != null ? time(file.time()) : null;
    char delimiter = file.delimiter() != null ? delimiter(file.delimiter(), "delimiter") : ',';
    List<String> missing = file.missing() != null ? file.missing() : LeadMapping.DEFAULT_MISSING;
    List<String> text = columns(file.text(), "text", Role.TEXT);
    List<FeatureMapping> features = features(file.features(), !text.isEmpty());
    Map<String, String> fields = fields(file.fields());
    String segment =
        file.segment() != null ? column(file.segment(), "segment", Role.SEGMENT) : null;
    List<String> exclude = columns(file.exclude(), "exclude", Role.EXCLUDE);
    List<JoinMapping> joins = joins(file.join());
    String language =
        file.language() != null ? oneOf(file.language(), "language", LANGUAGES) : null;

    if (features.isEmpty() && text.isEmpty()) {
      throw new MappingException(
          origin + ": neither features nor text: the scorer needs at least one column to read");
    }
    checkRoles();
    checkFieldTargets(features, fields);
    return new LeadMapping(
        origin,
        id,
        label,
        time,
        delimiter,
        missing,
        file.missing() != null,
        text,
        features,
        fields,
        segment,
        exclude,
        joins,
        language,
        uses);
  }

  private LabelMapping label(MappingFile.Label written) {
    String column =
        column(required(written.column(), "label.column", "the label column"), "label", Role.LABEL);
    String type =
        written.type() != null ? oneOf(written.type(), "label.type", LABEL_TYPES) : "binary";
    if (type.equals("continuous")) {
      if (written.positive() != null) {
        throw error("label.positive", "is not allowed with label.type continuous");
      }
      if (written.negative() != null) {
        throw error("label.negative", "is not allowed with label.type continuous");
      }
      return new LabelMapping(column, true, List.of(), List.of());
    }
    List<String> positive =
        required(
            written.positive(),
            "label.positive",
            "the values that count as converted, e.g. [\"1\"]");
    List<String> negative =
        required(
            written.negative(),
            "label.negative",
            "the values that count as not converted, e.g. [\"0\"]");
    LabelMapping label = new LabelMapping(column, false, positive, negative);
    for (String value : negative) {
      if (label.converted(value).orElse(false)) {
        throw error("label", "value '" + value + "' is both positive and negative");
      }
    }
    return label;
  }

  private TimeMapping time(MappingFile.Time written) {
    String column =
        column(required(written.column(), "time.column", "the time column"), "time", Role.TIME);
    String format = written.format();
    ZoneId zone = ZoneOffset.UTC;
    if (written.zone() != null) {
      try {
        zone = ZoneId.of(written.zone());
      } catch (DateTimeException e) {
        throw error(
            "time.zone",
            "'" + written.zone() + "' is not a time zone such as UTC or Europe/Berlin");
      }
    }
    try {
      return new TimeMapping(column, format, zone);
    } catch (IllegalArgumentException e) {
      throw error("time.format", "'" + format + "' is not a date pattern: " + e.getMessage());
    }
  }

  private char delimiter(String text, String key) {
    if (text.length() != 1 || "\"\r\n".contains(text)) {
      throw error(key, "'" + text + "' must be one character such as \",\", \";\" or \"\\t\"");
    }
    return text.charAt(0);
  }

  private List<JoinMapping> joins(List<MappingFile.Join> list) {
    if (list == null) {
      return List.of();
    }
    List<JoinMapping> joins = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "join[" + i + "]";
      MappingFile.Join join = list.get(i);
      String file = required(join.file(), key + ".file", "the CSV file to join").strip();
      if (file.isEmpty()) {
        throw error(key + ".file", "names no file");
      }
      String column =
          column(
              required(
                  join.key(), key + ".key", "the column holding the key the file is joined by"),
              key + ".key",
              Role.JOIN);
      String fileKey = join.fileKey() != null ? join.fileKey().strip() : column;
      if (fileKey.isEmpty()) {
        throw error(key + ".file_key", "names no column");
      }
      String prefix = join.prefix() != null ? join.prefix() : "";
      Character delimiter =
          join.delimiter() != null ? delimiter(join.delimiter(), key + ".delimiter") : null;
      joins.add(new JoinMapping(file, column, fileKey, prefix, delimiter, key));
    }
    return joins;
  }

  private List<FeatureMapping> features(List<MappingFile.Feature> list, boolean hasText) {
    if (list == null) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    if (hasText) {
      names.add(LeadMapping.TEXT_FEATURE);
    }
    List<FeatureMapping> features = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      FeatureMapping feature = feature(list.get(i), "features[" + i + "]", names);
      names.add(feature.name());
      features.add(feature);
    }
    return features;
  }

  private FeatureMapping feature(MappingFile.Feature written, String key, Set<String> names) {
    String column =
        column(
            required(written.column(), key + ".column", "the feature's column"), key, Role.FEATURE);
    String typeName =
        oneOf(
            required(written.type(), key + ".type", "one of " + String.join(", ", FEATURE_TYPES)),
            key + ".type",
            FEATURE_TYPES);
    FeatureSpec.Type type = FeatureSpec.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
    FeatureSpec.Transform transform = FeatureSpec.Transform.NONE;
    if (written.transform() != null) {
      requireType(type, FeatureSpec.Type.NUMERIC, key + ".transform");
      transform =
          FeatureSpec.Transform.valueOf(
              oneOf(written.transform(), key + ".transform", TRANSFORMS).toUpperCase(Locale.ROOT));
    }
    int maxLevels = FeatureMapping.DEFAULT_MAX_LEVELS;
    if (written.maxLevels() != null) {
      requireType(type, FeatureSpec.Type.CATEGORICAL, key + ".max_levels");
      maxLevels = positiveInt(written.maxLevels(), key + ".max_levels");
    }
    int minCount = FeatureMapping.DEFAULT_MIN_COUNT;
    if (written.minCount() != null) {
      requireType(type, FeatureSpec.Type.CATEGORICAL, key + ".min_count");
      minCount = positiveInt(written.minCount(), key + ".min_count");
    }
    String label = written.label() != null ? written.label() : column;
    String field = written.field();
    if (field != null) {
      requireFieldFor(type, field, key + ".field");
    }
    String unit = null;
    if (written.unit() != null) {
      requireType(type, FeatureSpec.Type.NUMERIC, key + ".unit");
      unit = written.unit().strip();
    }
    Map<String, String> values =
        written.values() != null ? values(written.values(), key + ".values") : Map.of();
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
  private Map<String, String> values(Map<String, String> written, String key) {
    if (written.isEmpty()) {
      throw error(key, MappingReader.VALUES_SHAPE + ", got a mapping");
    }
    Map<String, String> values = new LinkedHashMap<>();
    written.forEach((value, meaning) -> values.put(value.strip(), meaning.strip()));
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

  private Map<String, String> fields(Map<String, String> written) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (written == null) {
      return fields;
    }
    for (Map.Entry<String, String> entry : written.entrySet()) {
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
          boolean conflict =
              first.role() != Role.JOIN
                  && second.role() != Role.JOIN
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

  private <T> T required(T value, String key, String what) {
    if (value == null) {
      throw error(key, "is required: " + what);
    }
    return value;
  }

  private String column(String written, String key, Role role) {
    String column = written.strip();
    if (column.isEmpty()) {
      throw error(key, "names no column");
    }
    uses.add(new ColumnUse(column, key, role));
    return column;
  }

  private List<String> columns(List<String> list, String key, Role role) {
    if (list == null) {
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      columns.add(column(list.get(i), key + "[" + i + "]", role));
    }
    return columns;
  }

  private String oneOf(String value, String key, List<String> allowed) {
    String normalized = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(normalized)) {
      throw error(key, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
    return normalized;
  }

  private int positiveInt(String written, String key) {
    String text = written.strip();
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
}
