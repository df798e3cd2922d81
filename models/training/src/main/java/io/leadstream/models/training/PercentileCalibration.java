package io.leadstream.models.training;

import io.leadstream.models.scoring.Calibration;
import java.util.Arrays;

/**
 * Maps a regression's predicted value to its percentile among the validation leads' predictions, so
 * that score = 100 x percentile ranks leads by predicted value on a 0-100 scale. Stored as an
 * isotonic {@link Calibration} through {@value #KNOTS} quantile knots.
 */
final class PercentileCalibration {

  static final int KNOTS = 101;

  private PercentileCalibration() {}

  static Calibration fit(double[] validationPredictions) {
    double[] sorted = validationPredictions.clone();
    Arrays.sort(sorted);
    double[] x = new double[KNOTS];
    double[] y = new double[KNOTS];
    int knots = 0;
    for (int q = 0; q < KNOTS; q++) {
      double value = sorted[(int) Math.round(q / (KNOTS - 1.0) * (sorted.length - 1))];
      if (knots > 0 && value <= x[knots - 1]) {
        y[knots - 1] = q / (KNOTS - 1.0); // tied values take the highest percentile
        continue;
      }
      x[knots] = value;
      y[knots] = q / (KNOTS - 1.0);
      knots++;
    }
    if (knots == 1) {
      return Calibration.isotonic(new double[] {x[0]}, new double[] {0.5});
    }
    return Calibration.isotonic(Arrays.copyOf(x, knots), Arrays.copyOf(y, knots));
  }
}
