package io.leadstream.models.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a bundle's scorer predicts, and so how its output becomes a 0-100 score. */
public enum Objective {
  /** The probability that a lead converts ({@code binary:logistic}); score = 100 p. */
  @JsonProperty("binary")
  BINARY("binary:logistic", "logloss"),
  /**
   * A continuous target such as deal value ({@code reg:squarederror}); score = the prediction's
   * percentile among the validation leads' predictions, times 100.
   */
  @JsonProperty("regression")
  REGRESSION("reg:squarederror", "rmse");

  private final String xgboostObjective;
  private final String evalMetric;

  Objective(String xgboostObjective, String evalMetric) {
    this.xgboostObjective = xgboostObjective;
    this.evalMetric = evalMetric;
  }

  /** XGBoost's name of the objective. */
  public String xgboostObjective() {
    return xgboostObjective;
  }

  /** XGBoost's validation metric for early stopping. */
  public String evalMetric() {
    return evalMetric;
  }

  /**
   * The model's prediction from its margin: the sigmoid for BINARY, the margin itself otherwise.
   */
  public double fromMargin(double margin) {
    return this == BINARY ? 1.0 / (1.0 + Math.exp(-margin)) : margin;
  }
}
