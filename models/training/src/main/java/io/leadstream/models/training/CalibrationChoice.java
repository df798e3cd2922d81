package io.leadstream.models.training;

import io.leadstream.models.scoring.Calibration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The calibration {@link CalibrationFitter#choose} picked, and why.
 *
 * @param calibration the chosen method, fitted on all rows
 * @param crossValidatedLogLoss log loss of each method considered, out of fold ({@code none}: of
 *     the raw probabilities); methods not considered are absent
 * @param folds folds of the cross-validation
 */
public record CalibrationChoice(
    Calibration calibration, Map<Calibration.Method, Double> crossValidatedLogLoss, int folds) {

  public CalibrationChoice {
    Map<Calibration.Method, Double> copy = new EnumMap<>(Calibration.Method.class);
    copy.putAll(crossValidatedLogLoss);
    crossValidatedLogLoss = Collections.unmodifiableMap(copy);
  }
}
