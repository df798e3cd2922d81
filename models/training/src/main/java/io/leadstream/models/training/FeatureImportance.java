package io.leadstream.models.training;

import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.XgbScorer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Which features move the scores most. */
final class FeatureImportance {
  private FeatureImportance() {}

  /**
   * Mean absolute SHAP contribution (log-odds) of each feature over the rows, one-hot columns of a
   * feature summed first; by feature label, largest first.
   */
  static Map<String, Double> meanAbsoluteShap(
      FeatureSpec spec, XgbScorer scorer, FeatureRows rows) {
    List<FeatureSpec.Column> columns = spec.columns();
    double[] sums = new double[spec.features().size()];
    double[] perFeature = new double[sums.length];
    for (int k = 0; k < rows.rows(); k++) {
      float[] contributions = scorer.contributions(rows.row(k));
      Arrays.fill(perFeature, 0);
      for (int c = 0; c < columns.size(); c++) {
        perFeature[columns.get(c).feature()] += contributions[c];
      }
      for (int f = 0; f < sums.length; f++) {
        sums[f] += Math.abs(perFeature[f]);
      }
    }
    Map<String, Double> importance = new LinkedHashMap<>();
    IntStream.range(0, sums.length)
        .boxed()
        .sorted((a, b) -> Double.compare(sums[b], sums[a]))
        .forEach(
            f ->
                importance.put(
                    spec.features().get(f).label(), rows.rows() == 0 ? 0 : sums[f] / rows.rows()));
    return importance;
  }
}
