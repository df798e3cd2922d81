package io.leadstream.models.training;

/**
 * L2-regularized logistic regression fitted by Newton's method (iteratively reweighted least
 * squares with a Cholesky solve). Minimizes {@code mean log loss + l2 / 2 * |w|^2}; the intercept
 * is not penalized. Exact and deterministic, fast up to a few hundred features.
 */
final class LogisticRegression {

  private static final int MAX_ITERATIONS = 25;
  private static final double TOLERANCE = 1e-7;

  /** A fitted model: {@code p = sigmoid(w . x + bias)}. */
  record Fit(double[] weights, double bias) {
    double logit(double[] x) {
      double sum = bias;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i] * x[i];
      }
      return sum;
    }

    double probability(double[] x) {
      return 1 / (1 + Math.exp(-logit(x)));
    }
  }

  private LogisticRegression() {}

  static Fit fit(double[][] x, boolean[] y, double l2) {
    int n = x.length;
    int d = x[0].length;
    int size = d + 1;
    double[] beta = new double[size];
    double positives = 0;
    for (boolean label : y) {
      positives += label ? 1 : 0;
    }
    double rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
    beta[d] = Math.log(rate / (1 - rate));

    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[size];
      double[][] hessian = new double[size][size];
      double[] row = new double[size];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x[i], 0, row, 0, d);
        row[d] = 1;
        double z = 0;
        for (int j = 0; j < size; j++) {
          z += beta[j] * row[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double residual = p - (y[i] ? 1 : 0);
        double weight = Math.max(p * (1 - p), 1e-9);
        for (int j = 0; j < size; j++) {
          double rj = row[j];
          if (rj == 0) {
            continue;
          }
          gradient[j] += residual * rj;
          double wr = weight * rj;
          double[] hj = hessian[j];
          for (int k = 0; k <= j; k++) {
            hj[k] += wr * row[k];
          }
        }
      }
      for (int j = 0; j < size; j++) {
        gradient[j] /= n;
        for (int k = 0; k <= j; k++) {
          hessian[j][k] /= n;
        }
        if (j < d) {
          gradient[j] += l2 * beta[j];
          hessian[j][j] += l2;
        } else {
          hessian[j][j] += 1e-9;
        }
      }
      double[] step = Cholesky.solve(hessian, gradient);
      double change = 0;
      for (int j = 0; j < size; j++) {
        beta[j] -= step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    double[] weights = new double[d];
    System.arraycopy(beta, 0, weights, 0, d);
    return new Fit(weights, beta[d]);
  }
}
