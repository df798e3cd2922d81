package io.leadstream.models.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts, per column, the cells that are a missing spelling other than blank, so that a frequent
 * one can be reported ({@link HiddenValue}). Spellings differing only in case or surrounding blanks
 * count as one, named as first seen.
 */
public final class MissingSpellings {

  private final LeadMapping mapping;
  private final Set<String> columns;
  private final Map<String, Map<String, Count>> counts = new LinkedHashMap<>();

  /**
   * @param columns the columns to watch, e.g. the mapping's text and feature columns
   */
  public MissingSpellings(LeadMapping mapping, Set<String> columns) {
    this.mapping = mapping;
    this.columns = columns;
  }

  /** Counts the row's cells. */
  public void observe(Map<String, String> row) {
    for (String column : columns) {
      String cell = row.get(column);
      if (cell != null && !cell.isBlank() && mapping.isMissing(cell)) {
        counts
            .computeIfAbsent(column, c -> new LinkedHashMap<>())
            .computeIfAbsent(cell.strip().toLowerCase(Locale.ROOT), k -> new Count(cell.strip()))
            .rows++;
      }
    }
  }

  /**
   * The spellings that fill at least {@link HiddenValue#MIN_SHARE} of {@code rows} (and at least
   * {@link HiddenValue#MIN_ROWS} rows), in column order, most frequent first within a column.
   */
  public List<HiddenValue> frequent(int rows) {
    List<HiddenValue> hidden = new ArrayList<>();
    boolean listed = mapping.missingListed();
    counts.forEach(
        (column, spellings) ->
            spellings.values().stream()
                .filter(
                    c -> c.rows >= HiddenValue.MIN_ROWS && c.rows >= HiddenValue.MIN_SHARE * rows)
                .sorted(Comparator.comparingInt((Count c) -> -c.rows))
                .forEach(
                    c ->
                        hidden.add(
                            new HiddenValue(
                                column, c.spelling, c.rows, (double) c.rows / rows, listed))));
    return List.copyOf(hidden);
  }

  private static final class Count {
    private final String spelling;
    private int rows;

    Count(String spelling) {
      this.spelling = spelling;
    }
  }
}
