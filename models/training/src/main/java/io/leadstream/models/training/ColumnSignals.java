package io.leadstream.models.training;

import io.leadstream.models.evaluation.ClassificationMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well each input column predicts the label on its own: the column's values are target-encoded
 * on the training split (numbers in decile bins, missing as its own value) and ranked on the
 * validation split. A column that alone ranks almost perfectly is usually filled in after the
 * outcome is known (leakage), e.g. a "closed won" tag.
 */
public final class ColumnSignals {

  /** Single-column validation AUC at or above which a column is reported as likely leakage. */
  public static final double LEAKAGE_AUC = 0.95;

  private static final int BINS = 10;
  private static final String MISSING = "\u0000missing";

  private ColumnSignals() {}

  /**
   * A column's predictive power on its own.
   *
   * @param column the column as the user named it
   * @param auc validation AUC of the column alone (0.5 = no signal)
   */
  public record ColumnSignal(String column, double auc) {

    /** True when the column alone ranks suspiciously well. */
    public boolean looksLikeLeakage() {
      return auc >= LEAKAGE_AUC;
    }

    /** The warning for a user. */
    public String warning() {
      return String.format(
          Locale.ROOT,
          "column '%s' alone ranks the validation leads with AUC %.3f: is it filled in after the"
              + " outcome is known (leakage)? If so, exclude it in the mapping; a model that"
              + " relies on it scores new leads poorly.",
          column,
          auc);
    }
  }

  /**
   * Single-column AUCs, strongest first.
   *
   * @param columns raw values per column, one per row (null = missing)
   * @param labels outcome per row
   */
  public static List<ColumnSignal> measure(
      Map<String, String[]> columns, boolean[] labels, DataSplit split) {
    List<ColumnSignal> signals = new ArrayList<>();
    for (Map.Entry<String, String[]> column : columns.entrySet()) {
      String[] keys = keys(column.getValue(), split.train());
      double[] encoded = targetEncode(keys, labels, split.train(), split.validation());
      double auc = ClassificationMetrics.auc(encoded, Rows.select(labels, split.validation()));
      if (!Double.isNaN(auc)) {
        signals.add(new ColumnSignal(column.getKey(), auc));
      }
    }
    signals.sort(Comparator.comparingDouble(ColumnSignal::auc).reversed());
    return signals;
  }

  /** Values as category keys: decile bins when every present value is a number. */
  private static String[] keys(String[] values, int[] trainRows) {
    double[] numbers = new double[values.length];
    for (int row = 0; row < values.length; row++) {
      numbers[row] = number(values[row]);
      if (values[row] != null && Double.isNaN(numbers[row])) {
        // categories compare ignoring case, as the scorer's levels do
        return Arrays.stream(values)
            .map(v -> v == null ? MISSING : v.strip().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
      }
    }
    double[] train =
        Arrays.stream(trainRows)
            .mapToDouble(r -> numbers[r])
            .filter(v -> !Double.isNaN(v))
            .sorted()
            .toArray();
    double[] edges = new double[BINS - 1];
    for (int b = 1; b < BINS; b++) {
      edges[b - 1] =
          train.length == 0 ? 0 : train[Math.min(train.length - 1, b * train.length / BINS)];
    }
    String[] keys = new String[values.length];
    for (int row = 0; row < values.length; row++) {
      if (Double.isNaN(numbers[row])) {
        keys[row] = MISSING;
      } else {
        int bin = 0;
        while (bin < edges.length && numbers[row] >= edges[bin]) {
          bin++;
        }
        keys[row] = "bin" + bin;
      }
    }
    return keys;
  }

  /** Each evaluated row gets its key's smoothed conversion rate on the training rows. */
  private static double[] targetEncode(String[] keys, boolean[] labels, int[] fit, int[] evaluate) {
    Map<String, double[]> counts = new HashMap<>();
    int positives = 0;
    for (int row : fit) {
      double[] c = counts.computeIfAbsent(keys[row], k -> new double[2]);
      c[0]++;
      c[1] += labels[row] ? 1 : 0;
      positives += labels[row] ? 1 : 0;
    }
    double prior = fit.length == 0 ? 0.5 : (double) positives / fit.length;
    double[] encoded = new double[evaluate.length];
    for (int k = 0; k < evaluate.length; k++) {
      double[] c = counts.get(keys[evaluate[k]]);
      encoded[k] = c == null ? prior : (c[1] + prior) / (c[0] + 1);
    }
    return encoded;
  }

  private static double number(String value) {
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
