package io.leadstream.models.training;

/**
 * The linear baseline of a regression bundle: ridge regression on the scorer's own feature columns,
 * standardized on the training rows ({@link Standardizer}), solved exactly from the normal
 * equations. The intercept is not penalized.
 */
final class RidgeBaseline {

  private static final double L2 = 1.0;

  private final Standardizer standardizer;
  private final double[] weights;
  private final double intercept;

  private RidgeBaseline(Standardizer standardizer, double[] weights, double intercept) {
    this.standardizer = standardizer;
    this.weights = weights;
    this.intercept = intercept;
  }

  static RidgeBaseline fit(FeatureRows train, double[] targets) {
    Standardizer standardizer = Standardizer.fit(train);
    double[][] x = standardizer.apply(train);
    int n = x.length;
    int d = x[0].length;
    double meanY = 0;
    for (double y : targets) {
      meanY += y / n;
    }
    // columns are centred by standardization except the 0/1 indicators: centre them all here
    double[] meanX = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        meanX[j] += row[j] / n;
      }
    }
    double[][] gram = new double[d][d];
    double[] xty = new double[d];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < d; i++) {
        double xi = x[k][i] - meanX[i];
        xty[i] += xi * (targets[k] - meanY);
        for (int j = i; j < d; j++) {
          gram[i][j] += xi * (x[k][j] - meanX[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        gram[i][j] = gram[j][i];
      }
      gram[i][i] += L2 * n;
    }
    double[] w = Cholesky.solve(gram, xty);
    double intercept = meanY;
    for (int j = 0; j < d; j++) {
      intercept -= w[j] * meanX[j];
    }
    return new RidgeBaseline(standardizer, w, intercept);
  }

  double[] predict(FeatureRows rows) {
    double[][] x = standardizer.apply(rows);
    double[] out = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      double sum = intercept;
      for (int j = 0; j < weights.length; j++) {
        sum += weights[j] * x[k][j];
      }
      out[k] = sum;
    }
    return out;
  }
}
