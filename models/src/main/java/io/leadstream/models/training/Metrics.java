package io.leadstream.models.training;

import io.leadstream.models.bundle.EvaluationMetrics;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Evaluation metrics for binary probabilities. All methods take predictions and labels of equal length. */
public final class Metrics {
  private Metrics() {}

  /** All metrics at once. */
  public static EvaluationMetrics evaluate(double[] predicted, boolean[] actual) {
    return new EvaluationMetrics(
        actual.length,
        baseRate(actual),
        auc(predicted, actual),
        prAuc(predicted, actual),
        logLoss(predicted, actual),
        brier(predicted, actual));
  }

  /**
   * Area under the ROC curve: the chance a random positive ranks above a random negative, ties
   * counting half (Mann-Whitney with average ranks). NaN when one class is absent.
   */
  public static double auc(double[] predicted, boolean[] actual) {
    check(predicted, actual);
    Integer[] order = sortedAscending(predicted);
    double[] ranks = new double[predicted.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && predicted[order[j + 1]] == predicted[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = averageRank;
      }
      i = j + 1;
    }
    long positives = 0;
    double rankSum = 0;
    for (int k = 0; k < actual.length; k++) {
      if (actual[k]) {
        positives++;
        rankSum += ranks[k];
      }
    }
    long negatives = actual.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Area under the precision-recall curve as average precision: the mean, over positives, of the
   * precision at the rank where each is found (ties resolved pessimistically). NaN without
   * positives.
   */
  public static double prAuc(double[] predicted, boolean[] actual) {
    check(predicted, actual);
    Integer[] order = sortedAscending(predicted);
    long positives = IntStream.range(0, actual.length).filter(k -> actual[k]).count();
    if (positives == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int seen = 0;
    int hits = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && predicted[order[j - 1]] == predicted[order[i]]) {
        j--;
      }
      int groupHits = 0;
      for (int k = j; k <= i; k++) {
        groupHits += actual[order[k]] ? 1 : 0;
      }
      seen += i - j + 1;
      hits += groupHits;
      sum += groupHits * ((double) hits / seen);
      i = j - 1;
    }
    return sum / positives;
  }

  /** Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 - 1e-15]. */
  public static double logLoss(double[] predicted, boolean[] actual) {
    check(predicted, actual);
    double sum = 0;
    for (int k = 0; k < predicted.length; k++) {
      double p = Math.min(1 - 1e-15, Math.max(1e-15, predicted[k]));
      sum -= actual[k] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / predicted.length;
  }

  /** Mean squared difference between probability and outcome. */
  public static double brier(double[] predicted, boolean[] actual) {
    check(predicted, actual);
    double sum = 0;
    for (int k = 0; k < predicted.length; k++) {
      double error = predicted[k] - (actual[k] ? 1 : 0);
      sum += error * error;
    }
    return sum / predicted.length;
  }

  /** Share of positives. */
  public static double baseRate(boolean[] actual) {
    int positives = 0;
    for (boolean label : actual) {
      positives += label ? 1 : 0;
    }
    return actual.length == 0 ? Double.NaN : (double) positives / actual.length;
  }

  private static Integer[] sortedAscending(double[] predicted) {
    Integer[] order = new Integer[predicted.length];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingDouble(k -> predicted[k]));
    return order;
  }

  private static void check(double[] predicted, boolean[] actual) {
    if (predicted.length != actual.length || predicted.length == 0) {
      throw new IllegalArgumentException(
          predicted.length + " predictions for " + actual.length + " labels");
    }
  }
}
