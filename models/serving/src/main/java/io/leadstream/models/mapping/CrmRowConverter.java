package io.leadstream.models.mapping;

import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one export row into a LeadEvent through a mapping. The trainer (CrmExportReader) and the
 * {@code produce --mapping} command both go through here, so a lead scored in production is the
 * event its model was trained on.
 *
 * <ul>
 *   <li>{@code leadId}: the id column; {@code eventId}: given by the caller; {@code sourceSystem}:
 *       {@value #SOURCE_SYSTEM}.
 *   <li>{@code occurredAt}: the time column, or the epoch when it is not mapped or missing.
 *   <li>{@code notes}: one {@code Column: value} line per text column with a value; null when none
 *       has one.
 *   <li>{@code attributes}: each feature column without {@code field:}, its trimmed raw value under
 *       the column name; missing values are left out, so the scorer sees them as missing.
 *   <li>Feature {@code field:} and {@code fields:} targets get the typed value. A missing value
 *       leaves the field unset; if a nested record ends up holding another value, an unset
 *       non-nullable field in it keeps its schema default (e.g. {@code engagement.meetings} 0).
 * </ul>
 *
 * The label column is not read. Stateless and thread-safe.
 */
public final class CrmRowConverter {

  /** The {@code sourceSystem} of every event made from an export. */
  public static final String SOURCE_SYSTEM = "crm-export";

  private final LeadMapping mapping;
  private final Map<String, EventFields.Kind> fieldKinds = new LinkedHashMap<>();

  /**
   * @param mapping the mapping
   * @param header the export's columns
   * @param dataOrigin what to call the export in messages, usually its file name
   * @throws MappingException when a column the event needs is not in the header
   */
  public CrmRowConverter(LeadMapping mapping, List<String> header, String dataOrigin) {
    this(mapping);
    mapping.requireColumns(
        header,
        dataOrigin,
        EnumSet.of(
            ColumnUse.Role.ID,
            ColumnUse.Role.TIME,
            ColumnUse.Role.TEXT,
            ColumnUse.Role.FEATURE,
            ColumnUse.Role.FIELD));
  }

  private CrmRowConverter(LeadMapping mapping) {
    // nested records (engagement, company, ...) are made through Avro's class lookup
    AvroTrust.trustSchemaPackage();
    this.mapping = mapping;
    for (FeatureMapping feature : mapping.features()) {
      if (feature.field() != null) {
        fieldKinds.put(feature.field(), EventFields.kindOf(feature.field()));
      }
    }
    mapping.fields().keySet().forEach(path -> fieldKinds.put(path, EventFields.kindOf(path)));
  }

  /**
   * A converter for rows without a fixed header, such as a CRM's JSON events flattened by {@link
   * JsonEventConverter}: a column an event lacks is missing in that event, as an empty cell is.
   */
  static CrmRowConverter forEvents(LeadMapping mapping) {
    return new CrmRowConverter(mapping);
  }

  /**
   * The event for one row.
   *
   * @param row cells by column; absent columns count as missing
   * @param eventId the event's id, e.g. {@code export.csv:17}
   * @throws CrmExportException listing the row's unreadable cells
   */
  public LeadEvent convert(Map<String, String> row, String eventId) {
    List<String> problems = new ArrayList<>();
    LeadEvent event = convert(row, eventId, problems);
    if (!problems.isEmpty()) {
      throw new CrmExportException(eventId + ": " + String.join("; ", problems));
    }
    return event;
  }

  /** The event, or null after adding each unreadable cell to {@code problems}. */
  public LeadEvent convert(Map<String, String> row, String eventId, List<String> problems) {
    List<CellProblem> cells = new ArrayList<>();
    LeadEvent event = convertCells(row, eventId, cells);
    cells.forEach(problem -> problems.add(problem.message()));
    return event;
  }

  /**
   * The event, or null after adding each unreadable cell to {@code problems}, as {@link
   * CellProblem}s that name the column, its value and what was expected, so that a caller can word
   * them for its input.
   */
  public LeadEvent convertCells(
      Map<String, String> row, String eventId, List<CellProblem> problems) {
    int before = problems.size();
    String leadId = value(row, mapping.idColumn());
    if (leadId == null) {
      problems.add(
          new CellProblem(
              mapping.idColumn(),
              null,
              "a lead id",
              "id column '" + mapping.idColumn() + "' is empty"));
    }
    Instant occurredAt = occurredAt(row, problems);
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, Object> typed = new LinkedHashMap<>();
    for (FeatureMapping feature : mapping.features()) {
      String value = value(row, feature.column());
      if (value == null) {
        continue;
      }
      CellProblem problem = check(feature, value);
      if (problem != null) {
        problems.add(problem);
      } else if (feature.field() == null) {
        attributes.put(feature.column(), value);
      } else {
        typed(feature.field(), feature.column(), value, typed, problems);
      }
    }
    // the segment travels in the attributes unless a feature already carries it
    mapping
        .segment()
        .filter(column -> !attributes.containsKey(column) && value(row, column) != null)
        .filter(column -> mapping.features().stream().noneMatch(f -> f.column().equals(column)))
        .ifPresent(column -> attributes.put(column, value(row, column)));
    mapping
        .fields()
        .forEach(
            (path, column) -> {
              String value = value(row, column);
              if (value != null) {
                typed(path, column, value, typed, problems);
              }
            });
    if (problems.size() > before) {
      return null;
    }
    LeadEvent event =
        LeadEvent.newBuilder()
            .setEventId(eventId)
            .setLeadId(leadId)
            .setOccurredAt(occurredAt)
            .setSourceSystem(SOURCE_SYSTEM)
            .setNotes(notes(row))
            .setAttributes(attributes)
            .build();
    typed.forEach((path, value) -> EventFields.set(event, path, value));
    return event;
  }

  /**
   * Whether the row has a time: the mapping maps a time column and the row holds a value there. An
   * event made from a row without one has {@code occurredAt} at the epoch, which a producer
   * replaces by the time it sends the event.
   */
  public boolean hasTime(Map<String, String> row) {
    return mapping.time().filter(time -> value(row, time.column()) != null).isPresent();
  }

  /** The trimmed cell, or null when it is absent or a missing spelling. */
  public String value(Map<String, String> row, String column) {
    String value = row.get(column);
    return mapping.isMissing(value) ? null : value.strip();
  }

  private Instant occurredAt(Map<String, String> row, List<CellProblem> problems) {
    if (mapping.time().isEmpty()) {
      return Instant.EPOCH;
    }
    TimeMapping time = mapping.time().get();
    String value = value(row, time.column());
    if (value == null) {
      return Instant.EPOCH;
    }
    try {
      return time.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          new CellProblem(
              time.column(),
              value,
              time.expectedValue(),
              "time column '" + time.column() + "' has '" + value + "'; " + time.expected()));
      return Instant.EPOCH;
    }
  }

  private CellProblem check(FeatureMapping feature, String value) {
    if (feature.type() == FeatureSpec.Type.NUMERIC && !CellValues.isNumber(value)) {
      return new CellProblem(
          feature.column(),
          value,
          "a number",
          "numeric column '"
              + feature.column()
              + "' has '"
              + value
              + "'; expected a number or a missing spelling ("
              + missingSpellings()
              + ")");
    }
    if (feature.type() == FeatureSpec.Type.BOOLEAN && !CellValues.isBoolean(value)) {
      return new CellProblem(
          feature.column(),
          value,
          "a boolean (" + CellValues.BOOLEAN_WORDS + ")",
          "boolean column '"
              + feature.column()
              + "' has '"
              + value
              + "'; expected "
              + CellValues.BOOLEAN_WORDS
              + " or a missing spelling ("
              + missingSpellings()
              + ")");
    }
    return null;
  }

  private String missingSpellings() {
    return Names.quoted(mapping.missing());
  }

  private void typed(
      String path,
      String column,
      String value,
      Map<String, Object> typed,
      List<CellProblem> problems) {
    EventFields.Kind kind = fieldKinds.get(path);
    try {
      typed.put(path, EventFields.convert(kind, value));
    } catch (IllegalArgumentException e) {
      // EventFields' messages read "expected ..."
      String expected = e.getMessage().replaceFirst("^expected ", "");
      problems.add(
          new CellProblem(
              column,
              value,
              expected + " (" + kind.description + " field " + path + ")",
              "column '"
                  + column
                  + "' has '"
                  + value
                  + "' for "
                  + kind.description
                  + " field "
                  + path
                  + "; "
                  + e.getMessage()));
    }
  }

  private String notes(Map<String, String> row) {
    List<String> lines = new ArrayList<>();
    for (String column : mapping.text()) {
      String value = value(row, column);
      if (value != null) {
        lines.add(column + ": " + value);
      }
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }
}
