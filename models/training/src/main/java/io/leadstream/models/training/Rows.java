package io.leadstream.models.training;

/** Picks rows of per-lead arrays by index. */
final class Rows {
  private Rows() {}

  static boolean[] select(boolean[] values, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = values[rows[k]];
    }
    return out;
  }

  static double[] select(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = values[rows[k]];
    }
    return out;
  }
}
