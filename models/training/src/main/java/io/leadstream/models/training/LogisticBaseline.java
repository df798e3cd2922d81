package io.leadstream.models.training;

/**
 * The baseline every number is compared with: logistic regression on the scorer's own feature
 * columns, standardized on the training rows ({@link Standardizer}).
 */
final class LogisticBaseline {

  private static final double L2 = 1e-3;

  private final Standardizer standardizer;
  private final LogisticRegression.Fit fit;

  private LogisticBaseline(Standardizer standardizer, LogisticRegression.Fit fit) {
    this.standardizer = standardizer;
    this.fit = fit;
  }

  static LogisticBaseline fit(FeatureRows train, boolean[] labels) {
    Standardizer standardizer = Standardizer.fit(train);
    return new LogisticBaseline(
        standardizer, LogisticRegression.fit(standardizer.apply(train), labels, L2));
  }

  double[] probabilities(FeatureRows rows) {
    double[][] x = standardizer.apply(rows);
    double[] p = new double[rows.rows()];
    for (int k = 0; k < p.length; k++) {
      p[k] = fit.probability(x[k]);
    }
    return p;
  }
}
