package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.JoinMapping;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.mapping.Names;
import io.leadstream.models.mapping.Plural;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files a mapping joins onto an export ({@code join:}), read once, applied to each row in
 * mapping order: a left join, many export rows to one row of the file. A row whose key is missing,
 * or not in the file, keeps its own cells and gets the file's as missing; both are counted per join
 * and reported ({@link #warnings}). Used by the trainer's reader and by {@code produce --mapping}
 * alike, so both build the same events. Not thread-safe (it counts).
 */
public final class ExportJoins {

  private static final int EXAMPLES = RowProblems.EXAMPLES;

  private final LeadMapping mapping;
  private final List<JoinedTable> tables;
  private final List<Stats> stats = new ArrayList<>();

  private ExportJoins(LeadMapping mapping, List<JoinedTable> tables) {
    this.mapping = mapping;
    this.tables = tables;
    tables.forEach(table -> stats.add(new Stats()));
  }

  /**
   * Reads every file the mapping joins.
   *
   * @param exportFolder where relative files are: the export's folder
   * @throws MappingException when a file is not there or lacks its key column
   * @throws CrmExportException when a file cannot be read or repeats a key (one-to-many)
   */
  public static ExportJoins load(LeadMapping mapping, Path exportFolder) {
    List<JoinedTable> tables = new ArrayList<>();
    for (JoinMapping join : mapping.joins()) {
      tables.add(JoinedTable.read(join, exportFolder, mapping));
    }
    return new ExportJoins(mapping, tables);
  }

  /**
   * The columns of an export row once joined: the export's, then each file's in mapping order.
   *
   * @param exportHeader the export's own columns
   * @param exportOrigin what to call the export in messages
   * @throws MappingException when a join's key is not among the columns before it, or a file brings
   *     a column the row already has
   */
  public List<String> header(List<String> exportHeader, String exportOrigin) {
    List<String> header = new ArrayList<>(exportHeader);
    for (JoinedTable table : tables) {
      JoinMapping join = table.join();
      if (!header.contains(join.key())) {
        throw new MappingException(
            String.format(
                Locale.ROOT,
                "%s: %s.key '%s' is not a column of %s%s%s Columns: %s",
                mapping.origin(),
                join.mappingKey(),
                join.key(),
                exportOrigin,
                join == tables.get(0).join()
                    ? ""
                    : " or of the files joined before " + join.fileName(),
                Names.didYouMean(join.key(), header),
                Names.quoted(header.stream().filter(c -> !c.isEmpty()).toList())));
      }
      for (String column : table.columns()) {
        if (header.contains(column)) {
          throw new MappingException(
              String.format(
                  Locale.ROOT,
                  "%s: %s: %s has a column '%s', and %s already has one; give the join a prefix"
                      + " for the columns it brings (prefix: \"%s \") or rename one of them",
                  mapping.origin(),
                  join.mappingKey(),
                  join.fileName(),
                  column,
                  exportHeader.contains(column) ? exportOrigin : "a file joined before it",
                  stem(join.fileName())));
        }
      }
      header.addAll(table.columns());
    }
    return List.copyOf(header);
  }

  /** Adds the joined files' cells to {@code row} (cells by column) and counts the matches. */
  public Map<String, String> join(Map<String, String> row) {
    for (int t = 0; t < tables.size(); t++) {
      JoinedTable table = tables.get(t);
      Stats counts = stats.get(t);
      counts.rows++;
      String key = row.get(table.join().key());
      if (mapping.isMissing(key)) {
        counts.keyless++;
        continue;
      }
      Map<String, String> cells = table.row(key);
      if (cells == null) {
        counts.unmatched.merge(key.strip(), 1, Integer::sum);
        counts.unmatchedRows++;
        continue;
      }
      counts.matched++;
      row.putAll(cells);
    }
    return row;
  }

  /** What the messages call where the columns come from: the export, and the files joined. */
  public String describe(String exportOrigin) {
    if (tables.isEmpty()) {
      return exportOrigin;
    }
    return exportOrigin
        + " or the files joined to it ("
        + tables.stream().map(t -> t.join().fileName()).collect(Collectors.joining(", "))
        + ")";
  }

  /** Rows whose key matched nothing or was missing, per join; empty when every row matched. */
  public List<String> warnings(String exportOrigin) {
    List<String> warnings = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      JoinedTable table = tables.get(t);
      Stats counts = stats.get(t);
      String file = table.join().fileName();
      String key = table.join().key();
      if (counts.unmatchedRows > 0) {
        String examples = unmatchedExamples(table, counts, EXAMPLES);
        warnings.add(
            String.format(
                Locale.ROOT,
                "%s: %,d of %,d rows have a key in '%s' that %s has no row for, %s: %s%s; their %s"
                    + " columns count as missing",
                exportOrigin,
                counts.unmatchedRows,
                counts.rows,
                key,
                file,
                Plural.of(counts.unmatched.size(), "value"),
                counts.unmatched.size() > EXAMPLES ? "the commonest " + EXAMPLES + " " : "",
                examples,
                file));
      }
      if (counts.keyless > 0) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "%s: %,d of %,d rows have no '%s'; their %s columns count as missing",
                exportOrigin,
                counts.keyless,
                counts.rows,
                key,
                file));
      }
    }
    return warnings;
  }

  /** One sentence per join: the file, its key, its rows and the export rows it matched. */
  public List<String> notes(String exportOrigin) {
    List<String> notes = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      JoinedTable table = tables.get(t);
      Stats counts = stats.get(t);
      JoinMapping join = table.join();
      StringBuilder note =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "Joined %s (%s, %s) by '%s'%s: %,d of %,d rows of %s matched",
                  join.fileName(),
                  Plural.of(table.size(), "row"),
                  Plural.of(table.columns().size(), "column"),
                  join.key(),
                  join.fileKey().equals(join.key()) ? "" : " = '" + join.fileKey() + "'",
                  counts.matched,
                  counts.rows,
                  exportOrigin));
      if (counts.unmatchedRows > 0) {
        note.append(
            String.format(
                Locale.ROOT,
                ", %,d have a key it has no row for (%s%s)",
                counts.unmatchedRows,
                counts.unmatched.size() > 3 ? "commonest: " : "",
                unmatchedExamples(table, counts, 3)));
      }
      if (counts.keyless > 0) {
        note.append(String.format(Locale.ROOT, ", %,d have no key", counts.keyless));
      }
      if (table.keyless() > 0) {
        note.append(
            String.format(
                Locale.ROOT,
                "; %s of %s without a key left out",
                Plural.of(table.keyless(), "row"),
                join.fileName()));
      }
      notes.add(note.toString());
    }
    return notes;
  }

  /** The commonest keys that matched nothing, with their rows and the closest key of the file. */
  private static String unmatchedExamples(JoinedTable table, Stats counts, int limit) {
    return counts.unmatched.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(limit)
        .map(
            e -> {
              String closest = table.closestKey(e.getKey());
              return "'"
                  + e.getKey()
                  + "' ("
                  + Plural.of(e.getValue(), "row")
                  + (closest == null
                      ? ""
                      : "; " + table.join().fileName() + " has '" + closest + "'")
                  + ")";
            })
        .collect(Collectors.joining(", "));
  }

  private static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** Counts of one join. */
  private static final class Stats {
    private int rows;
    private int matched;
    private int keyless;
    private int unmatchedRows;
    private final Map<String, Integer> unmatched = new LinkedHashMap<>();
  }
}
