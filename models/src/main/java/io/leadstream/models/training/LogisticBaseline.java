package io.leadstream.models.training;

/**
 * The baseline every number is compared with: logistic regression on the scorer's own feature
 * columns, mean-imputed and standardized on the training rows, plus one missing-indicator column
 * per input column.
 */
final class LogisticBaseline {

  private static final double L2 = 1e-3;

  private final double[] mean;
  private final double[] scale;
  private final LogisticRegression.Fit fit;

  private LogisticBaseline(double[] mean, double[] scale, LogisticRegression.Fit fit) {
    this.mean = mean;
    this.scale = scale;
    this.fit = fit;
  }

  static LogisticBaseline fit(FeatureRows train, boolean[] labels) {
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
    LogisticRegression.Fit fit =
        LogisticRegression.fit(standardize(train, mean, scale), labels, L2);
    return new LogisticBaseline(mean, scale, fit);
  }

  double[] probabilities(FeatureRows rows) {
    double[][] x = standardize(rows, mean, scale);
    double[] p = new double[rows.rows()];
    for (int k = 0; k < p.length; k++) {
      p[k] = fit.probability(x[k]);
    }
    return p;
  }

  private static double[][] standardize(FeatureRows rows, double[] mean, double[] scale) {
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
