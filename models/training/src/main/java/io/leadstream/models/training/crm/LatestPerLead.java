package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.Plural;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps one row per lead id: the latest by time, a row without a time counting as oldest and a tie
 * going to the later row; without times, the last row in the file. Kept rows stay in file order.
 */
final class LatestPerLead {
  private static final int EXAMPLES = 5;

  private LatestPerLead() {}

  /**
   * The kept rows; adds a warning naming the first few repeated ids when rows were dropped.
   *
   * @param rule how the kept row was chosen, for the warning, e.g. "the last row"
   */
  static List<ExportRow> keep(
      List<ExportRow> rows, String origin, String rule, List<String> warnings) {
    Map<String, Integer> kept = new HashMap<>();
    boolean[] dropped = new boolean[rows.size()];
    Map<String, List<Long>> repeated = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ExportRow row = rows.get(i);
      Integer previous = kept.putIfAbsent(row.leadId(), i);
      if (previous == null) {
        continue;
      }
      repeated.computeIfAbsent(
          row.leadId(), id -> new ArrayList<>(List.of(rows.get(previous).line())));
      repeated.get(row.leadId()).add(row.line());
      if (supersedes(row, rows.get(previous))) {
        dropped[previous] = true;
        kept.put(row.leadId(), i);
      } else {
        dropped[i] = true;
      }
    }
    List<ExportRow> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!dropped[i]) {
        result.add(rows.get(i));
      }
    }
    if (result.size() < rows.size()) {
      warnings.add(warning(origin, rows.size() - result.size(), rule, repeated));
    }
    return result;
  }

  private static boolean supersedes(ExportRow later, ExportRow earlier) {
    if (later.time() == null) {
      return earlier.time() == null;
    }
    return earlier.time() == null || !later.time().isBefore(earlier.time());
  }

  private static String warning(
      String origin, int dropped, String rule, Map<String, List<Long>> repeated) {
    String examples =
        repeated.entrySet().stream()
            .limit(EXAMPLES)
            .map(e -> "'" + e.getKey() + "' (lines " + joined(e.getValue()) + ")")
            .collect(Collectors.joining(", "));
    return origin
        + ": "
        + Plural.of(dropped, "row")
        + " dropped because another row has the"
        + " same lead id; kept "
        + rule
        + ". "
        + Plural.of(repeated.size(), "id")
        + " repeated,"
        + " e.g. "
        + examples;
  }

  private static String joined(List<Long> lines) {
    return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
