package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.JoinMapping;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.mapping.Names;
import io.leadstream.models.mapping.Plural;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One file a mapping joins, read whole: its rows by key. A key on two rows is refused, since a
 * many-to-one join cannot tell which row an export row belongs to; rows without a key are left out
 * and counted.
 */
final class JoinedTable {

  private final JoinMapping join;
  private final List<String> columns;
  private final Map<String, Map<String, String>> rows;
  private final int keyless;

  private JoinedTable(
      JoinMapping join, List<String> columns, Map<String, Map<String, String>> rows, int keyless) {
    this.join = join;
    this.columns = columns;
    this.rows = rows;
    this.keyless = keyless;
  }

  /**
   * Reads the file {@code join} names.
   *
   * @param folder where a relative file is: the export's folder
   * @throws MappingException when the file is not there or lacks the key column
   * @throws CrmExportException when it cannot be read, has malformed rows or repeats a key
   */
  static JoinedTable read(JoinMapping join, Path folder, LeadMapping mapping) {
    Path path = join.path(folder);
    String origin = join.fileName();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser = ExportCsv.open(reader, join.delimiterOr(mapping.delimiter()))) {
      return read(join, parser, origin, mapping);
    } catch (NoSuchFileException e) {
      throw new MappingException(
          mapping.origin()
              + ": "
              + join.mappingKey()
              + ".file '"
              + join.file()
              + "' is not there (looked for "
              + path.toAbsolutePath().normalize()
              + "; a relative file is read from the export's folder)",
          e);
    } catch (IOException | UncheckedIOException e) {
      throw ExportCsv.unreadable(origin, e);
    }
  }

  private static JoinedTable read(
      JoinMapping join, CSVParser parser, String origin, LeadMapping mapping) {
    List<CSVRecord> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    long line = parser.getCurrentLineNumber() + 1;
    for (CSVRecord record : (Iterable<CSVRecord>) parser::iterator) {
      if (record.size() > 1 || !record.get(0).isBlank()) {
        records.add(record);
        lines.add(line);
      }
      line = parser.getCurrentLineNumber() + 1;
    }
    if (records.isEmpty()) {
      throw new CrmExportException(
          origin + " is empty: expected a header row and one row per " + join.fileKey());
    }
    List<String> header =
        ExportHeader.read(records.get(0), join.delimiterOr(mapping.delimiter()), origin);
    int keyColumn = header.indexOf(join.fileKey());
    if (keyColumn < 0) {
      String key = join.mappingKey() + (join.fileKey().equals(join.key()) ? ".key" : ".file_key");
      throw new MappingException(
          mapping.origin()
              + ": "
              + key
              + " '"
              + join.fileKey()
              + "' is not a column of "
              + origin
              + Names.didYouMean(join.fileKey(), header)
              + " Columns: "
              + Names.quoted(header.stream().filter(c -> !c.isEmpty()).toList())
              + (join.fileKey().equals(join.key())
                  ? "; set file_key when the file names it otherwise"
                  : ""));
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (i != keyColumn && !header.get(i).isEmpty()) {
        columns.add(join.prefix() + header.get(i));
      }
    }
    RowProblems malformed = new RowProblems();
    Map<String, List<Long>> keyLines = new LinkedHashMap<>();
    Map<String, Map<String, String>> rows = new HashMap<>();
    int keyless = 0;
    for (int r = 1; r < records.size(); r++) {
      CSVRecord record = records.get(r);
      if (record.size() != header.size()) {
        malformed.add(
            origin,
            lines.get(r),
            "has " + record.size() + " cells; the header has " + header.size() + " columns");
        continue;
      }
      String key = record.get(keyColumn);
      if (mapping.isMissing(key)) {
        keyless++;
        continue;
      }
      key = key.strip();
      keyLines.computeIfAbsent(key, k -> new ArrayList<>()).add(lines.get(r));
      Map<String, String> cells = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (i != keyColumn && !header.get(i).isEmpty()) {
          cells.put(join.prefix() + header.get(i), record.get(i));
        }
      }
      rows.put(key, cells);
    }
    malformed
        .describe(origin, "rows cannot be read")
        .ifPresent(
            message -> {
              throw new CrmExportException(message);
            });
    requireOneRowPerKey(join, origin, keyLines);
    return new JoinedTable(join, List.copyOf(columns), rows, keyless);
  }

  private static void requireOneRowPerKey(
      JoinMapping join, String origin, Map<String, List<Long>> keyLines) {
    List<Map.Entry<String, List<Long>>> repeated =
        keyLines.entrySet().stream().filter(e -> e.getValue().size() > 1).toList();
    if (repeated.isEmpty()) {
      return;
    }
    String examples =
        repeated.stream()
            .limit(RowProblems.EXAMPLES)
            .map(
                e ->
                    "'"
                        + e.getKey()
                        + "' (lines "
                        + e.getValue().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                        + ")")
            .collect(Collectors.joining(", "));
    throw new CrmExportException(
        origin
            + ": "
            + Plural.of(repeated.size(), "key")
            + " of column '"
            + join.fileKey()
            + "' "
            + (repeated.size() == 1 ? "is" : "are")
            + " on more than one row"
            + (repeated.size() > RowProblems.EXAMPLES
                ? " (first " + RowProblems.EXAMPLES + " shown)"
                : "")
            + ": "
            + examples
            + ". A joined file gives each export row the one row of its '"
            + join.key()
            + "' (many to one), so each key may appear once: join a file with one row"
            + " per "
            + join.fileKey()
            + ", or sum its rows up per "
            + join.fileKey()
            + " first");
  }

  JoinMapping join() {
    return join;
  }

  /** The columns this file brings, prefixed, in file order; the key column is not among them. */
  List<String> columns() {
    return columns;
  }

  /** The cells of the row with this key (trimmed), or null when there is none. */
  Map<String, String> row(String key) {
    return rows.get(key.strip());
  }

  /** Rows with a key. */
  int size() {
    return rows.size();
  }

  /** Rows left out because their key cell is missing. */
  int keyless() {
    return keyless;
  }

  /** The key closest to {@code key}, when one is close enough to be a likely misspelling. */
  String closestKey(String key) {
    return Names.closest(key, rows.keySet()).orElse(null);
  }
}
