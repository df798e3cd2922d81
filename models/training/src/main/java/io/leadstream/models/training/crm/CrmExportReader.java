package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.CellValues;
import io.leadstream.models.mapping.ColumnUse;
import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.CrmRowConverter;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.JsonEventException;
import io.leadstream.models.mapping.JsonLines;
import io.leadstream.models.mapping.JsonRow;
import io.leadstream.models.mapping.LabelMapping;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.mapping.MissingSpellings;
import io.leadstream.models.mapping.Names;
import io.leadstream.models.mapping.Plural;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CRM export (CSV with a header row, UTF-8 with or without BOM, quoted fields as RFC 4180)
 * through a {@link LeadMapping} into labelled LeadEvents, made by {@link CrmRowConverter}. A JSON
 * Lines file ({@code .jsonl}, {@code .ndjson}, {@code .json}) is the CRM's own events, one object a
 * line, flattened as the pipeline flattens them ({@link JsonEventConverter#flatten}): its columns
 * are the dotted paths of the events' values, its header every path some event has, and a path an
 * event lacks is missing in that event.
 *
 * <p>Rows whose label is missing are skipped and counted. Every other unreadable row is an error:
 * the whole file is read first, then one {@link CrmExportException} reports each kind of problem
 * with its count and the first few lines. Of rows sharing a lead id one is kept: the latest by the
 * time column when the mapping has one (a row without a time counts as oldest), else the last in
 * the file; kept leads stay in file order. Line numbers are the file's, the header being line 1;
 * blank lines are skipped but counted.
 */
public final class CrmExportReader {

  private final LeadMapping mapping;

  public CrmExportReader(LeadMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * Reads an export file; messages and event ids name it by its file name.
   *
   * @throws MappingException when the mapping names columns the file does not have
   * @throws CrmExportException when the file cannot be read as a labelled export
   */
  public CrmDataset read(Path csv) {
    String origin = String.valueOf(csv.getFileName());
    if (JsonLines.isJsonLines(csv)) {
      return readJsonLines(csv, origin);
    }
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return read(reader, origin, csv.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new CrmExportException(origin + ": cannot read the file: " + e, e);
    }
  }

  /**
   * Reads an export from {@code reader}; see {@link #read(Path)}.
   *
   * @param origin what to call the export in messages and event ids, usually its file name
   */
  public CrmDataset read(Reader reader, String origin) {
    return read(reader, origin, Path.of(""));
  }

  /**
   * Reads an export from {@code reader}; see {@link #read(Path)}.
   *
   * @param origin what to call the export in messages and event ids, usually its file name
   * @param folder where the files the mapping joins are, when relative: the export's folder
   */
  public CrmDataset read(Reader reader, String origin, Path folder) {
    ExportJoins joins = ExportJoins.load(mapping, folder);
    try (CSVParser parser = ExportCsv.open(reader, mapping.delimiter())) {
      return new Pass(parser, origin, joins).read();
    } catch (IOException | UncheckedIOException e) {
      throw ExportCsv.unreadable(origin, e);
    }
  }

  private CrmDataset readJsonLines(Path jsonl, String origin) {
    JsonEventConverter events = new JsonEventConverter(mapping);
    Pass pass = new Pass(null, origin, ExportJoins.load(mapping, Path.of("")));
    try {
      JsonLines.read(jsonl, pass::addEvent);
    } catch (IOException e) {
      throw new CrmExportException(origin + ": cannot read the file: " + e, e);
    }
    return pass.readEvents(events);
  }

  /** One read of one export: its state while the rows go by. */
  private final class Pass {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String origin;
    private final ExportJoins joins;
    private final LabelMapping label = mapping.label();
    private final RowProblems labelProblems = new RowProblems();
    private final RowProblems cellProblems = new RowProblems();
    private final List<ExportRow> rows = new ArrayList<>();
    private final MissingSpellings missingSpellings =
        new MissingSpellings(mapping, mapping.inputColumns());
    private CSVRecord current;
    private List<String> fileHeader;
    private List<String> header;
    private CrmRowConverter converter;
    private int rowsRead;
    private int skipped;

    /** JSON Lines: the events that are JSON objects, and the line of each. */
    private final List<JsonRow> eventRows = new ArrayList<>();

    private final List<Long> eventLines = new ArrayList<>();

    Pass(CSVParser parser, String origin, ExportJoins joins) {
      this.parser = parser;
      this.records = parser == null ? null : parser.iterator();
      this.origin = origin;
      this.joins = joins;
    }

    CrmDataset read() {
      long line = nextLine();
      if (line < 0) {
        throw new CrmExportException(origin + " is empty: expected a header row and lead rows");
      }
      fileHeader = ExportHeader.read(current, mapping.delimiter(), origin);
      header = joins.header(fileHeader, origin);
      mapping.requireColumns(header, joins.describe(origin), EnumSet.allOf(ColumnUse.Role.class));
      converter = new CrmRowConverter(mapping, header, origin);
      for (line = nextLine(); line >= 0; line = nextLine()) {
        rowsRead++;
        readRow(line, current);
      }
      if (rowsRead == 0) {
        throw new CrmExportException(origin + " has a header but no lead rows");
      }
      return finish();
    }

    /** Flattens one line of JSON Lines; a line that is not one JSON object is its problem. */
    void addEvent(long line, byte[] json) {
      rowsRead++;
      try {
        eventRows.add(JsonEventConverter.flatten(json));
        eventLines.add(line);
      } catch (JsonEventException e) {
        cellProblems.add(origin, line, e.getMessage());
      }
    }

    /** The events added: their paths are the header, then each is read as a row. */
    CrmDataset readEvents(JsonEventConverter events) {
      if (rowsRead == 0) {
        throw new CrmExportException(origin + " is empty: expected one JSON object a line");
      }
      Set<String> paths = new LinkedHashSet<>();
      eventRows.forEach(row -> paths.addAll(row.paths()));
      fileHeader = List.copyOf(paths);
      header = fileHeader;
      mapping.requireColumns(
          header, origin + " (no event has it)", EnumSet.allOf(ColumnUse.Role.class));
      converter = new CrmRowConverter(mapping, header, origin);
      for (int i = 0; i < eventRows.size(); i++) {
        JsonRow row = eventRows.get(i);
        long line = eventLines.get(i);
        List<String> shapes = new ArrayList<>(events.shapeProblems(row));
        String labelShape = row.shape(label.column());
        if (labelShape != null) {
          shapes.add(label.column() + ": expected a label, got " + labelShape);
        }
        if (shapes.isEmpty()) {
          readRow(line, row.cells());
        } else {
          shapes.forEach(problem -> cellProblems.add(origin, line, problem));
        }
      }
      return finish();
    }

    private CrmDataset finish() {
      List<String> errors = new ArrayList<>();
      labelProblems
          .describe(origin, "rows have a label the mapping does not accept")
          .ifPresent(errors::add);
      cellProblems.describe(origin, "cells cannot be read").ifPresent(errors::add);
      if (!errors.isEmpty()) {
        throw new CrmExportException(String.join("\n", errors));
      }
      if (rows.isEmpty()) {
        throw new CrmExportException(
            origin
                + ": none of the "
                + Plural.of(rowsRead, "row")
                + " has a label in column '"
                + label.column()
                + "'");
      }
      return dataset();
    }

    /** Moves to the next non-blank record; the line it starts on, or -1 at the end. */
    private long nextLine() {
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          return -1;
        }
        current = records.next();
        if (current.size() > 1 || !current.get(0).isBlank()) {
          return line;
        }
      }
    }

    private void readRow(long line, CSVRecord record) {
      if (record.size() != fileHeader.size()) {
        cellProblems.add(
            origin,
            line,
            "has " + record.size() + " cells; the header has " + fileHeader.size() + " columns");
        return;
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < fileHeader.size(); i++) {
        if (!fileHeader.get(i).isEmpty()) {
          row.put(fileHeader.get(i), record.get(i));
        }
      }
      joins.join(row);
      readRow(line, row);
    }

    private void readRow(long line, Map<String, String> row) {
      missingSpellings.observe(row);
      String labelValue = converter.value(row, label.column());
      Double target = null;
      Boolean converted;
      if (label.continuous()) {
        target =
            labelValue != null && CellValues.isNumber(labelValue)
                ? CellValues.number(labelValue)
                : null;
        converted = target == null ? null : target > 0;
      } else {
        converted = label.converted(row.get(label.column())).orElse(null);
      }
      if (converted == null) {
        if (labelValue == null) {
          skipped++;
        } else {
          labelProblems.add(
              origin,
              line,
              "label column '"
                  + label.column()
                  + "' has '"
                  + labelValue
                  + "'; "
                  + label.expected());
        }
        return;
      }
      List<String> problems = new ArrayList<>();
      LeadEvent event = converter.convert(row, origin + ":" + line, problems);
      if (event == null) {
        problems.forEach(problem -> cellProblems.add(origin, line, problem));
        return;
      }
      boolean timed =
          mapping.time().filter(t -> converter.value(row, t.column()) != null).isPresent();
      Instant time = timed ? event.getOccurredAt() : null;
      Map<String, String> inputs = new LinkedHashMap<>();
      for (String column : inputColumns()) {
        inputs.put(column, converter.value(row, column));
      }
      rows.add(new ExportRow(line, new LabelledLead(event, converted), target, time, inputs));
    }

    /** The text and feature columns, each once. */
    private Set<String> inputColumns() {
      Set<String> columns = new LinkedHashSet<>(mapping.text());
      mapping.features().forEach(feature -> columns.add(feature.column()));
      return columns;
    }

    private CrmDataset dataset() {
      List<String> warnings = new ArrayList<>(joins.warnings(origin));
      unmappedColumns(warnings);
      if (skipped > 0) {
        warnings.add(
            origin
                + ": "
                + Plural.of(skipped, "row")
                + " without a label in column '"
                + label.column()
                + "' skipped");
      }
      String rule =
          mapping.time().map(t -> "the latest by '" + t.column() + "'").orElse("the last row");
      List<ExportRow> kept = LatestPerLead.keep(rows, origin, rule, warnings);
      double[] targets =
          label.continuous() ? kept.stream().mapToDouble(ExportRow::target).toArray() : null;
      return new CrmDataset(
          origin,
          header,
          kept.stream().map(ExportRow::lead).toList(),
          targets,
          kept.stream().map(ExportRow::time).toList(),
          columns(kept),
          rowsRead,
          skipped,
          rows.size() - kept.size(),
          warnings,
          missingSpellings.frequent(rowsRead),
          joins.notes(origin));
    }

    private Map<String, String[]> columns(List<ExportRow> kept) {
      Map<String, String[]> columns = new LinkedHashMap<>();
      for (String column : inputColumns()) {
        columns.put(column, kept.stream().map(r -> r.inputs().get(column)).toArray(String[]::new));
      }
      return columns;
    }

    private void unmappedColumns(List<String> warnings) {
      Set<String> mentioned = mapping.columns();
      List<String> unmapped = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).isEmpty()) {
          warnings.add(origin + ": column " + (i + 1) + " has no name and is ignored");
        } else if (!mentioned.contains(header.get(i))) {
          unmapped.add(header.get(i));
        }
      }
      if (!unmapped.isEmpty()) {
        warnings.add(
            origin
                + ": "
                + Plural.of(unmapped.size(), "column")
                + " not in "
                + mapping.origin()
                + " and unused: "
                + Names.quoted(unmapped)
                + "; list them under exclude to say so on purpose");
      }
    }
  }
}
