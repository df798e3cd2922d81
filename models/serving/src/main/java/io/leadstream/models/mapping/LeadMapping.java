package io.leadstream.models.mapping;

import io.leadstream.models.scoring.FeatureSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which columns of a user's CRM export are what: the lead id, the label, the event time, the text
 * the encoder reads, the features the scorer reads, LeadEvent fields to fill, the segment column
 * and the columns deliberately left out. Parsed from a YAML file, so that a new export needs no
 * code change; see {@code docs/examples/x-education/mapping.yaml} for the grammar. Validated on
 * parse (unknown keys, types, LeadEvent field paths, a column in two exclusive roles); whether the
 * columns exist is checked against an export's header when it is read. Immutable.
 */
public final class LeadMapping {

  /**
   * Spellings of "not filled in" when the mapping lists none: only what cannot be a real value (a
   * level "None" may well mean "no competitor"). Blank always counts.
   */
  public static final List<String> DEFAULT_MISSING = List.of("", "NA", "N/A", "null");

  /** Feature name of the text signal, first in the spec when the mapping has text columns. */
  public static final String TEXT_FEATURE = "text_signal";

  private final String origin;
  private final String idColumn;
  private final LabelMapping label;
  private final TimeMapping time;
  private final char delimiter;
  private final List<String> missing;
  private final boolean missingListed;
  private final Set<String> missingKeys;
  private final List<String> text;
  private final List<FeatureMapping> features;
  private final Map<String, String> fields;
  private final String segment;
  private final List<String> exclude;
  private final List<JoinMapping> joins;
  private final String language;
  private final List<ColumnUse> uses;

  LeadMapping(
      String origin,
      String idColumn,
      LabelMapping label,
      TimeMapping time,
      char delimiter,
      List<String> missing,
      boolean missingListed,
      List<String> text,
      List<FeatureMapping> features,
      Map<String, String> fields,
      String segment,
      List<String> exclude,
      List<JoinMapping> joins,
      String language,
      List<ColumnUse> uses) {
    this.origin = origin;
    this.idColumn = idColumn;
    this.label = label;
    this.time = time;
    this.delimiter = delimiter;
    this.missing = List.copyOf(missing);
    this.missingListed = missingListed;
    this.missingKeys = new LinkedHashSet<>();
    this.missingKeys.add("");
    missing.forEach(m -> missingKeys.add(m.strip().toLowerCase(Locale.ROOT)));
    this.text = List.copyOf(text);
    this.features = List.copyOf(features);
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.segment = segment;
    this.exclude = List.copyOf(exclude);
    this.joins = List.copyOf(joins);
    this.language = language;
    this.uses = List.copyOf(uses);
  }

  /**
   * Reads and validates a mapping file; messages name the file by its file name.
   *
   * @throws MappingException when it cannot be read or is invalid
   */
  public static LeadMapping load(Path yaml) {
    String name = String.valueOf(yaml.getFileName());
    String content;
    try {
      content = Files.readString(yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MappingException(name + ": cannot read the mapping file: " + e, e);
    }
    return parse(content, name);
  }

  /**
   * Parses and validates a mapping.
   *
   * @param yaml the mapping's YAML text
   * @param origin what to call it in messages, usually its file name
   * @throws MappingException when it is invalid
   */
  public static LeadMapping parse(String yaml, String origin) {
    return new MappingParser(origin).parse(yaml);
  }

  /** What messages call this mapping, usually its file name. */
  public String origin() {
    return origin;
  }

  public String idColumn() {
    return idColumn;
  }

  public LabelMapping label() {
    return label;
  }

  /** The event-time column, if the mapping has one. */
  public Optional<TimeMapping> time() {
    return Optional.ofNullable(time);
  }

  public char delimiter() {
    return delimiter;
  }

  /** The spellings of "not filled in", as the mapping lists them. */
  public List<String> missing() {
    return missing;
  }

  /** True when the mapping lists its own missing spellings, false for {@link #DEFAULT_MISSING}. */
  public boolean missingListed() {
    return missingListed;
  }

  /** Whether a cell is null, blank or one of the missing spellings (trimmed, ignoring case). */
  public boolean isMissing(String value) {
    return value == null || missingKeys.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /** Columns joined into the lead's notes, in order. */
  public List<String> text() {
    return text;
  }

  /** Feature columns, in model order (after the text signal when there is text). */
  public List<FeatureMapping> features() {
    return features;
  }

  /** Non-feature LeadEvent fields to fill: field path to column, in mapping order. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The column that splits leads into segments for per-segment models, if any. */
  public Optional<String> segment() {
    return Optional.ofNullable(segment);
  }

  /**
   * The LeadEvent source naming a lead's segment: the source of the feature that reads the segment
   * column, else {@code attributes.<column>} (where the converter puts it).
   */
  public Optional<String> segmentSource() {
    return segment()
        .map(
            column ->
                features.stream()
                    .filter(feature -> feature.column().equals(column))
                    .findFirst()
                    .map(FeatureMapping::source)
                    .orElse(FeatureSpec.ATTRIBUTES_PREFIX + column));
  }

  /**
   * The columns whose values reach the event: text, feature, segment and {@code fields:} columns,
   * each once, in mapping order.
   */
  public Set<String> inputColumns() {
    return uses.stream()
        .filter(
            use ->
                switch (use.role()) {
                  case TEXT, FEATURE, SEGMENT, FIELD -> true;
                  default -> false;
                })
        .map(ColumnUse::column)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Further files joined onto each export row by key, in order; empty for none. */
  public List<JoinMapping> joins() {
    return joins;
  }

  /**
   * The language of the leads ({@code en}, {@code zh}): the bundle's reasons are written in it.
   * Empty when the mapping does not say, and the encoder's language is used.
   */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** Columns deliberately not used. */
  public List<String> exclude() {
    return exclude;
  }

  /** Every column the mapping names, each once, in mapping order. */
  public Set<String> columns() {
    return uses.stream()
        .map(ColumnUse::column)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  List<ColumnUse> columnUses() {
    return uses;
  }

  /**
   * Checks that the columns used in {@code roles} are in {@code header}.
   *
   * @throws MappingException naming each missing column, the closest header column and the header
   */
  public void requireColumns(
      List<String> header, String dataOrigin, Collection<ColumnUse.Role> roles) {
    Map<String, List<String>> missingColumns = new LinkedHashMap<>();
    for (ColumnUse use : uses) {
      if (roles.contains(use.role()) && !header.contains(use.column())) {
        missingColumns.computeIfAbsent(use.column(), c -> new ArrayList<>()).add(use.key());
      }
    }
    if (missingColumns.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    missingColumns.forEach(
        (column, keys) ->
            lines.add(
                origin
                    + ": column '"
                    + column
                    + "' ("
                    + String.join(", ", keys)
                    + ") is not in "
                    + dataOrigin
                    + Names.didYouMean(column, header)));
    throw new MappingException(
        String.join("\n", lines)
            + (lines.size() == 1 ? " " : "\n")
            + "Columns: "
            + Names.quoted(header.stream().filter(c -> !c.isEmpty()).toList()));
  }
}
