package io.leadstream.models.evaluation;

import io.leadstream.models.bundle.EvaluationMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Metrics of predicted probabilities against binary outcomes: ranking (AUC with its interval,
 * PR-AUC, ROC), probability quality (log loss, Brier, calibration curve) and the confusion at a
 * threshold. All methods take predictions and labels of equal, non-zero length.
 */
public final class ClassificationMetrics {

  /** Default number of bins of {@link #calibrationCurve(double[], boolean[])}. */
  public static final int CALIBRATION_BINS = 10;

  private ClassificationMetrics() {}

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
   * The 95 % confidence interval of {@link #auc}, by DeLong's method: the variance of the AUC from
   * each positive's share of negatives ranked below it and each negative's share of positives
   * ranked above it (DeLong, DeLong and Clarke-Pearson 1988), normal approximation, clipped to [0,
   * 1]. Constant predictions give the point [0.5, 0.5]. Null when one class is absent.
   */
  public static Interval aucInterval(double[] predicted, boolean[] actual) {
    check(predicted, actual);
    int positives = (int) Samples.positives(actual);
    int negatives = actual.length - positives;
    if (positives == 0 || negatives == 0) {
      return null;
    }
    double[] all = midranks(predicted);
    double[] pos = new double[positives];
    double[] neg = new double[negatives];
    int[] posIndex = new int[positives];
    int[] negIndex = new int[negatives];
    for (int k = 0, p = 0, n = 0; k < actual.length; k++) {
      if (actual[k]) {
        pos[p] = predicted[k];
        posIndex[p++] = k;
      } else {
        neg[n] = predicted[k];
        negIndex[n++] = k;
      }
    }
    double[] posRanks = midranks(pos);
    double[] negRanks = midranks(neg);
    // a positive's share of negatives below it (ties half), a negative's of positives above it
    double[] v10 = new double[positives];
    double[] v01 = new double[negatives];
    for (int p = 0; p < positives; p++) {
      v10[p] = (all[posIndex[p]] - posRanks[p]) / negatives;
    }
    for (int n = 0; n < negatives; n++) {
      v01[n] = 1 - (all[negIndex[n]] - negRanks[n]) / positives;
    }
    double auc = mean(v10);
    double variance = sampleVariance(v10) / positives + sampleVariance(v01) / negatives;
    double half = Interval.Z95 * Math.sqrt(Math.max(0, variance));
    return new Interval(Math.max(0, auc - half), Math.min(1, auc + half));
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

  /**
   * The ROC curve from (0, 0) to (1, 1), one point per distinct prediction, highest first. Tied
   * predictions make one diagonal step, so the trapezoid area under the points equals {@link #auc}.
   *
   * @throws IllegalArgumentException when one outcome is absent
   */
  public static List<RocPoint> roc(double[] predicted, boolean[] actual) {
    check(predicted, actual);
    long positives = Samples.positives(actual);
    long negatives = actual.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("an ROC curve needs both outcomes");
    }
    Integer[] order = sortedAscending(predicted);
    List<RocPoint> points = new ArrayList<>();
    points.add(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
    long tp = 0;
    long fp = 0;
    int i = order.length - 1;
    while (i >= 0) {
      double value = predicted[order[i]];
      while (i >= 0 && Double.compare(predicted[order[i]], value) == 0) {
        if (actual[order[i]]) {
          tp++;
        } else {
          fp++;
        }
        i--;
      }
      points.add(new RocPoint((double) fp / negatives, (double) tp / positives, value));
    }
    return List.copyOf(points);
  }

  /** {@link #calibrationCurve(double[], boolean[], int)} with {@value #CALIBRATION_BINS} bins. */
  public static List<CalibrationBin> calibrationCurve(double[] predicted, boolean[] actual) {
    return calibrationCurve(predicted, actual, CALIBRATION_BINS);
  }

  /**
   * A reliability diagram over quantile bins: leads sorted by prediction, cut into {@code bins}
   * runs of about equal size. Equal predictions stay in one bin, so ties can leave fewer, larger
   * bins. Bins in ascending order of prediction.
   */
  public static List<CalibrationBin> calibrationCurve(
      double[] predicted, boolean[] actual, int bins) {
    check(predicted, actual);
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be positive, got " + bins);
    }
    Integer[] order = sortedAscending(predicted);
    int n = order.length;
    List<CalibrationBin> curve = new ArrayList<>();
    int start = 0;
    for (int bin = 0; bin < bins && start < n; bin++) {
      int end = (int) Math.round((double) (bin + 1) * n / bins);
      if (end <= start) {
        continue;
      }
      while (end < n && Double.compare(predicted[order[end]], predicted[order[end - 1]]) == 0) {
        end++;
      }
      double sum = 0;
      int converted = 0;
      for (int k = start; k < end; k++) {
        sum += predicted[order[k]];
        converted += actual[order[k]] ? 1 : 0;
      }
      int count = end - start;
      curve.add(new CalibrationBin(sum / count, (double) converted / count, count));
      start = end;
    }
    return List.copyOf(curve);
  }

  /** The confusion counts when a prediction at or above {@code threshold} counts as positive. */
  public static Confusion confusion(double[] predicted, boolean[] actual, double threshold) {
    check(predicted, actual);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int k = 0; k < predicted.length; k++) {
      boolean positive = predicted[k] >= threshold;
      if (positive) {
        tp += actual[k] ? 1 : 0;
        fp += actual[k] ? 0 : 1;
      } else {
        fn += actual[k] ? 1 : 0;
        tn += actual[k] ? 0 : 1;
      }
    }
    return new Confusion(threshold, tp, fp, tn, fn);
  }

  /** Ranks from 1, tied values sharing their average rank. */
  private static double[] midranks(double[] values) {
    Integer[] order = sortedAscending(values);
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  private static double sampleVariance(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum / (values.length - 1);
  }

  private static Integer[] sortedAscending(double[] predicted) {
    Integer[] order = new Integer[predicted.length];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingDouble(k -> predicted[k]));
    return order;
  }

  private static void check(double[] predicted, boolean[] actual) {
    Samples.checkLengths(predicted.length, actual.length);
  }
}
