package io.leadstream.models.training;

/**
 * Turns feature rows into what a linear baseline reads: each column mean-imputed and standardized
 * with the training rows' mean and spread, plus one missing-indicator column per input column.
 */
final class Standardizer {

  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  static Standardizer fit(FeatureRows train) {
    int columns = train.columns();
    double[] mean = new double[columns];
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      double sum = 0;
      double squares = 0;
      int known = 0;
      for (int k = 0; k < train.rows(); k++) {
        float v = train.data()[k * columns + c];
        if (!Float.isNaN(v)) {
          sum += v;
          squares += (double) v * v;
          known++;
        }
      }
      mean[c] = known == 0 ? 0 : sum / known;
      double variance = known == 0 ? 0 : squares / known - mean[c] * mean[c];
      scale[c] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
    return new Standardizer(mean, scale);
  }

  double[][] apply(FeatureRows rows) {
    int columns = rows.columns();
    double[][] x = new double[rows.rows()][2 * columns];
    for (int k = 0; k < rows.rows(); k++) {
      for (int c = 0; c < columns; c++) {
        float v = rows.data()[k * columns + c];
        boolean missing = Float.isNaN(v);
        x[k][c] = missing ? 0 : (v - mean[c]) / scale[c];
        x[k][columns + c] = missing ? 1 : 0;
      }
    }
    return x;
  }
}
