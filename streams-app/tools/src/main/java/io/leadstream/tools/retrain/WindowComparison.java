package io.leadstream.tools.retrain;

import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.training.BundlePromotion;
import io.leadstream.models.training.LabelledLead;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The current and the candidate bundle on the same comparison window, each loaded from its folder
 * and scored as the pipeline scores it ({@link BundlePromotion#probabilities}).
 *
 * @param leads leads in the window
 * @param converted of those, converted
 * @param current the current bundle's ranking; its AUC is NaN when it cannot be scored
 * @param candidate the candidate's ranking
 * @param identical whether both give every lead the same probability
 * @param currentProblem why the current bundle cannot be scored; null when it can
 */
public record WindowComparison(
    int leads,
    int converted,
    Ranking current,
    Ranking candidate,
    boolean identical,
    String currentProblem) {

  /**
   * @param auc AUC on the window
   * @param interval its 95 % interval by DeLong's method; null when the AUC is NaN
   */
  public record Ranking(double auc, Interval interval) {}

  /**
   * Scores both folders on {@code window}, which must hold both classes.
   *
   * @throws io.leadstream.models.BundleException when the candidate cannot be loaded
   */
  public static WindowComparison of(Path current, Path candidate, List<LabelledLead> window) {
    boolean[] labels = new boolean[window.size()];
    int converted = 0;
    for (int k = 0; k < labels.length; k++) {
      labels[k] = window.get(k).converted();
      converted += labels[k] ? 1 : 0;
    }
    double[] candidateP = BundlePromotion.probabilities(candidate, window);
    Ranking candidateRanking = ranking(candidateP, labels);
    double[] currentP;
    try {
      currentP = BundlePromotion.probabilities(current, window);
    } catch (RuntimeException e) {
      return new WindowComparison(
          window.size(),
          converted,
          new Ranking(Double.NaN, null),
          candidateRanking,
          false,
          e.getMessage());
    }
    return new WindowComparison(
        window.size(),
        converted,
        ranking(currentP, labels),
        candidateRanking,
        Arrays.equals(candidateP, currentP),
        null);
  }

  private static Ranking ranking(double[] p, boolean[] labels) {
    return new Ranking(
        ClassificationMetrics.auc(p, labels), ClassificationMetrics.aucInterval(p, labels));
  }
}
