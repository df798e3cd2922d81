package io.leadstream.models.training;

import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.Calibration.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link Calibration} to raw probabilities and outcomes the model was not trained on (the
 * validation split), and chooses among none, Platt and isotonic.
 *
 * <p>All methods take probabilities and labels of equal, non-zero length; probabilities must be
 * finite. Deterministic.
 */
public final class CalibrationFitter {

  /** Folds of the cross-validation in {@link #choose}. */
  public static final int FOLDS = 5;

  /** Isotonic knots stay this far from 0 and 1. */
  public static final double ISOTONIC_CLIP = 1e-3;

  /** Fewest leads for {@link #choose} to consider isotonic regression. */
  public static final int MIN_ISOTONIC_LEADS = 1000;

  /**
   * Relative cut in cross-validated log loss a method must achieve over the currently chosen,
   * simpler one to replace it in {@link #choose}.
   */
  public static final double MIN_RELATIVE_GAIN = 0.005;

  private static final double CLIP = 1e-6; // as Calibration.apply clips before the logit
  private static final int MAX_ITERATIONS = 100;
  private static final double SIGMA = 1e-12;

  private CalibrationFitter() {}

  /**
   * Platt scaling: the {@code a, b} of {@code sigmoid(a * logit(p) + b)} that minimize log loss
   * against Platt's smoothed targets {@code (n+ + 1) / (n+ + 2)} for positives and {@code 1 / (n- +
   * 2)} for negatives, by Newton's method with backtracking (Lin, Lin and Weng 2007). Starts from
   * the identity {@code a = 1, b = 0}.
   */
  public static Calibration platt(double[] p, boolean[] y) {
    check(p, y);
    int n = p.length;
    double[] z = new double[n];
    double[] target = new double[n];
    int positives = 0;
    for (boolean label : y) {
      positives += label ? 1 : 0;
    }
    double hi = (positives + 1.0) / (positives + 2.0);
    double lo = 1.0 / (n - positives + 2.0);
    for (int i = 0; i < n; i++) {
      double clipped = Math.min(1 - CLIP, Math.max(CLIP, p[i]));
      z[i] = Math.log(clipped / (1 - clipped));
      target[i] = y[i] ? hi : lo;
    }

    double a = 1;
    double b = 0;
    double loss = smoothedLoss(z, target, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = SIGMA;
      double hab = 0;
      double hbb = SIGMA;
      for (int i = 0; i < n; i++) {
        double q = sigmoid(a * z[i] + b);
        double residual = q - target[i];
        double w = q * (1 - q);
        ga += residual * z[i] / n;
        gb += residual / n;
        haa += w * z[i] * z[i] / n;
        hab += w * z[i] / n;
        hbb += w / n;
      }
      if (Math.abs(ga) < 1e-10 && Math.abs(gb) < 1e-10) {
        break;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double slope = ga * da + gb * db;
      double step = 1;
      double next = smoothedLoss(z, target, a + da, b + db);
      while (!(next <= loss + 1e-4 * step * slope) && step > 1e-10) {
        step /= 2;
        next = smoothedLoss(z, target, a + step * da, b + step * db);
      }
      if (step <= 1e-10) {
        break;
      }
      a += step * da;
      b += step * db;
      loss = next;
    }
    return Calibration.platt(a, b);
  }

  /**
   * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of {@code p}
   * closest to the outcomes in squared error. Equal probabilities are pooled first; adjacent blocks
   * with equal rates are pooled too. Each block becomes one knot at (mean {@code p} of the block,
   * share of positives in the block, kept within [{@value #ISOTONIC_CLIP}, 1 - {@value
   * #ISOTONIC_CLIP}]); {@link Calibration#apply} interpolates between the knots.
   */
  public static Calibration isotonic(double[] p, boolean[] y) {
    check(p, y);
    Integer[] order = new Integer[p.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));

    List<Block> blocks = new ArrayList<>();
    int i = 0;
    while (i < order.length) {
      Block block = new Block();
      double value = p[order[i]];
      while (i < order.length && p[order[i]] == value) {
        block.add(p[order[i]], y[order[i]]);
        i++;
      }
      while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).rateAtLeast(block)) {
        block.absorb(blocks.remove(blocks.size() - 1));
      }
      blocks.add(block);
    }

    double[] x = new double[blocks.size()];
    double[] rate = new double[blocks.size()];
    for (int k = 0; k < x.length; k++) {
      Block block = blocks.get(k);
      x[k] = block.sumP / block.count;
      // a block's mean lies above every earlier block's values, but may round onto them
      if (k > 0 && x[k] <= x[k - 1]) {
        x[k] = Math.nextUp(x[k - 1]);
      }
      // a probability of exactly 0 or 1 would be certain about leads no block has seen
      rate[k] =
          Math.min(
              1 - ISOTONIC_CLIP, Math.max(ISOTONIC_CLIP, (double) block.positives / block.count));
    }
    return Calibration.isotonic(x, rate);
  }

  /**
   * Chooses and fits a calibration on one labelled set, normally the validation split's raw
   * probabilities.
   *
   * <p>Cross-fitting: the rows are split into {@value #FOLDS} folds by position ({@code i % FOLDS},
   * so pass them in random order); for each fold, Platt and isotonic are fitted on the other folds
   * and applied to it. Every row thus gets a calibrated probability from a calibration that did not
   * see its label, and each method is scored by the log loss of these out-of-fold probabilities.
   * {@code none} is scored on the raw probabilities.
   *
   * <p>Rule: start from {@code none}; Platt replaces it when its cross-validated log loss is at
   * least {@value #MIN_RELATIVE_GAIN} (relative) lower; isotonic, considered only with at least
   * {@value #MIN_ISOTONIC_LEADS} rows, then replaces the current choice under the same condition.
   * Fewer rows than folds, or a single outcome, give {@code none}. The chosen method is refitted on
   * all rows.
   */
  public static CalibrationChoice choose(double[] p, boolean[] y) {
    check(p, y);
    Map<Method, Double> losses = new EnumMap<>(Method.class);
    losses.put(Method.NONE, ClassificationMetrics.logLoss(p, y));
    double baseRate = ClassificationMetrics.baseRate(y);
    if (p.length < FOLDS || baseRate == 0 || baseRate == 1) {
      return new CalibrationChoice(Calibration.none(), losses, FOLDS);
    }
    losses.put(Method.PLATT, crossValidatedLogLoss(Method.PLATT, p, y));
    if (p.length >= MIN_ISOTONIC_LEADS) {
      losses.put(Method.ISOTONIC, crossValidatedLogLoss(Method.ISOTONIC, p, y));
    }
    Method chosen = Method.NONE;
    for (Method candidate : List.of(Method.PLATT, Method.ISOTONIC)) {
      Double loss = losses.get(candidate);
      if (loss != null && loss < losses.get(chosen) * (1 - MIN_RELATIVE_GAIN)) {
        chosen = candidate;
      }
    }
    return new CalibrationChoice(fit(chosen, p, y), losses, FOLDS);
  }

  private static double crossValidatedLogLoss(Method method, double[] p, boolean[] y) {
    int n = p.length;
    double[] outOfFold = new double[n];
    for (int fold = 0; fold < FOLDS; fold++) {
      int foldSize = (n - fold + FOLDS - 1) / FOLDS;
      double[] fitP = new double[n - foldSize];
      boolean[] fitY = new boolean[n - foldSize];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (i % FOLDS != fold) {
          fitP[k] = p[i];
          fitY[k] = y[i];
          k++;
        }
      }
      Calibration calibration = fit(method, fitP, fitY);
      for (int i = fold; i < n; i += FOLDS) {
        outOfFold[i] = calibration.apply(p[i]);
      }
    }
    return ClassificationMetrics.logLoss(outOfFold, y);
  }

  private static Calibration fit(Method method, double[] p, boolean[] y) {
    return switch (method) {
      case NONE -> Calibration.none();
      case PLATT -> platt(p, y);
      case ISOTONIC -> isotonic(p, y);
    };
  }

  /** Mean cross-entropy of {@code sigmoid(a z + b)} against soft targets, computed stably. */
  private static double smoothedLoss(double[] z, double[] target, double a, double b) {
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      double f = a * z[i] + b;
      double softplus = f >= 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f));
      sum += softplus - target[i] * f;
    }
    return sum / z.length;
  }

  private static double sigmoid(double f) {
    return 1 / (1 + Math.exp(-f));
  }

  private static void check(double[] p, boolean[] y) {
    if (p.length != y.length || p.length == 0) {
      throw new IllegalArgumentException(p.length + " probabilities for " + y.length + " labels");
    }
    for (double value : p) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("probabilities must be finite, got " + value);
      }
    }
  }

  /** A run of sorted rows pooled into one value. */
  private static final class Block {
    double sumP;
    long positives;
    long count;

    void add(double probability, boolean label) {
      sumP += probability;
      positives += label ? 1 : 0;
      count++;
    }

    void absorb(Block other) {
      sumP += other.sumP;
      positives += other.positives;
      count += other.count;
    }

    /** Whether this block's rate is at least {@code next}'s, in exact integer arithmetic. */
    boolean rateAtLeast(Block next) {
      return positives * next.count >= next.positives * count;
    }
  }
}
