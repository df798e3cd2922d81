package io.leadstream.models.scoring;

import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost binary classifier over rows from a {@link FeatureExtractor}: margin, probability and
 * SHAP contributions. Owns a native booster: one per thread, closed after use. NaN marks a missing
 * value.
 */
public final class XgbScorer implements AutoCloseable {

  private static final int[] ALL_TREES = {0, 0};

  private final Booster booster;
  private final int columns;

  private XgbScorer(Booster booster, int columns) {
    this.booster = booster;
    this.columns = columns;
  }

  /**
   * Loads a booster saved in any XGBoost format (UBJ, JSON).
   *
   * @param columns row width the booster was trained on
   * @throws IllegalArgumentException when the bytes are not a model for {@code columns} columns
   */
  public static XgbScorer load(byte[] model, int columns) {
    Booster booster;
    try {
      booster = XGBoost.loadModel(model);
    } catch (XGBoostError | IOException e) {
      throw new IllegalArgumentException("not an XGBoost model: " + e.getMessage(), e);
    }
    return wrap(booster, columns);
  }

  /**
   * Takes ownership of a booster, e.g. one just trained. It predicts on the calling thread only:
   * one row gains nothing from OpenMP, whose worker threads would spin after every call and take
   * CPU from the text encoder; parallelism comes from the stream threads.
   */
  public static XgbScorer wrap(Booster booster, int columns) {
    try {
      booster.setParam("nthread", 1);
      long features = booster.getNumFeature();
      if (features != columns) {
        booster.dispose();
        throw new IllegalArgumentException(
            "model has " + features + " features, feature spec has " + columns + " columns");
      }
    } catch (XGBoostError e) {
      booster.dispose();
      throw new IllegalArgumentException("cannot read model: " + e.getMessage(), e);
    }
    return new XgbScorer(booster, columns);
  }

  /** Log-odds for one row. */
  public double margin(float[] row) {
    return predict(row, 1, Booster.PredictionType.kMargin)[0];
  }

  /** Probability of the positive class for one row. */
  public double probability(float[] row) {
    return predict(row, 1, Booster.PredictionType.kValue)[0];
  }

  /** Probabilities for {@code rows} rows laid out one after another in {@code data}. */
  public double[] probabilities(float[] data, int rows) {
    return predict(data, rows, Booster.PredictionType.kValue);
  }

  /**
   * SHAP contributions for one row in log-odds: one per column, then the bias as the last element.
   * They sum to {@link #margin(float[])}.
   */
  public float[] contributions(float[] row) {
    checkWidth(row, 1);
    DMatrix matrix = null;
    try {
      matrix = new DMatrix(row, 1, columns, Float.NaN);
      return booster.predictContrib(matrix, 0)[0];
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  public int columns() {
    return columns;
  }

  /** The model in XGBoost's UBJ format. */
  public byte[] toUbj() {
    try {
      return booster.toByteArray("ubj");
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot save booster", e);
    }
  }

  @Override
  public void close() {
    booster.dispose();
  }

  private double[] predict(float[] data, int rows, Booster.PredictionType type) {
    checkWidth(data, rows);
    try {
      float[][] out =
          booster.inplace_predict(data, rows, columns, Float.NaN, ALL_TREES, type, null);
      double[] result = new double[rows];
      for (int i = 0; i < rows; i++) {
        result[i] = out[i][0];
      }
      return result;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  private void checkWidth(float[] data, int rows) {
    if (data.length != rows * columns) {
      throw new IllegalArgumentException(
          "got " + data.length + " values for " + rows + " rows of " + columns + " columns");
    }
  }
}
