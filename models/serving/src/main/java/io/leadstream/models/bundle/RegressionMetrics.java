package io.leadstream.models.bundle;

/**
 * How well a regression predicts a continuous target on a labelled set.
 *
 * @param count leads evaluated
 * @param mse mean squared error, in the target's unit squared
 * @param r2 coefficient of determination: 1 perfect, 0 as good as predicting the mean
 */
public record RegressionMetrics(int count, double mse, double r2) {}
