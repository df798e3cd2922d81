package io.leadstream.models.training;

import io.leadstream.models.bundle.Objective;
import io.leadstream.models.scoring.XgbScorer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the XGBoost scorer ({@code binary:logistic}, or {@code reg:squarederror} for a continuous
 * target): early stopping on the validation metric finds the number of rounds, then the model is
 * refit on the training rows with that many.
 */
final class ScorerTrainer {

  private static final int EARLY_STOPPING_ROUNDS = 50;

  private final long seed;
  private final int maxRounds;
  private final Objective objective;

  ScorerTrainer(long seed, int maxRounds, Objective objective) {
    this.seed = seed;
    this.maxRounds = maxRounds;
    this.objective = objective;
  }

  XgbScorer train(
      FeatureRows train,
      boolean[] trainLabels,
      FeatureRows validation,
      boolean[] validationLabels) {
    return train(train, toFloat(trainLabels), validation, toFloat(validationLabels));
  }

  /** Trains on numeric targets (0/1 for the binary objective). */
  XgbScorer train(
      FeatureRows train, float[] trainTargets, FeatureRows validation, float[] validationTargets) {
    DMatrix trainMatrix = null;
    DMatrix validationMatrix = null;
    try {
      trainMatrix = matrix(train, trainTargets);
      validationMatrix = matrix(validation, validationTargets);
      Map<String, Object> params = params();
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("validation", validationMatrix);
      Booster probe =
          XGBoost.train(
              trainMatrix,
              params,
              maxRounds,
              watches,
              new float[1][maxRounds],
              null,
              null,
              EARLY_STOPPING_ROUNDS);
      int rounds;
      try {
        String best = probe.getAttr("best_iteration");
        rounds = best == null ? probe.getNumBoostedRound() : Integer.parseInt(best) + 1;
      } finally {
        probe.dispose();
      }
      Booster booster =
          XGBoost.train(trainMatrix, params, rounds, Collections.emptyMap(), null, null);
      return XgbScorer.wrap(booster, train.columns());
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (trainMatrix != null) {
        trainMatrix.dispose();
      }
      if (validationMatrix != null) {
        validationMatrix.dispose();
      }
    }
  }

  private Map<String, Object> params() {
    Map<String, Object> params = new HashMap<>();
    params.put("objective", objective.xgboostObjective());
    params.put("eval_metric", objective.evalMetric());
    params.put("tree_method", "hist");
    params.put("eta", 0.05);
    params.put("max_depth", 4);
    params.put("min_child_weight", 3);
    params.put("subsample", 0.8);
    params.put("colsample_bytree", 0.8);
    params.put("lambda", 1.0);
    params.put("seed", seed);
    params.put("nthread", 2);
    params.put("verbosity", 0);
    params.put("verbose_eval", "false");
    return params;
  }

  private static DMatrix matrix(FeatureRows rows, float[] y) throws XGBoostError {
    DMatrix matrix = new DMatrix(rows.data(), rows.rows(), rows.columns(), Float.NaN);
    matrix.setLabel(y);
    return matrix;
  }

  static float[] toFloat(boolean[] labels) {
    float[] y = new float[labels.length];
    for (int k = 0; k < labels.length; k++) {
      y[k] = labels[k] ? 1 : 0;
    }
    return y;
  }

  static float[] toFloat(double[] targets) {
    float[] y = new float[targets.length];
    for (int k = 0; k < targets.length; k++) {
      y[k] = (float) targets[k];
    }
    return y;
  }
}
