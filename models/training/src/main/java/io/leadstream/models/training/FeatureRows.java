package io.leadstream.models.training;

import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FeatureSpec;
import java.util.List;

/**
 * The scorer's input rows for chosen leads, flattened row-major as XGBoost takes them.
 *
 * @param spec the features
 * @param data {@code rows x spec.columnCount()} values, NaN where missing
 * @param rows number of rows
 */
record FeatureRows(FeatureSpec spec, float[] data, int rows) {

  /**
   * @param p p(opportunity) per lead
   * @param indices leads to take, in this order
   */
  static FeatureRows of(FeatureSpec spec, List<LabelledLead> leads, double[] p, int[] indices) {
    FeatureExtractor extractor = new FeatureExtractor(spec);
    int columns = spec.columnCount();
    float[] data = new float[indices.length * columns];
    for (int k = 0; k < indices.length; k++) {
      float[] row = extractor.extract(leads.get(indices[k]).event(), p[indices[k]]);
      System.arraycopy(row, 0, data, k * columns, columns);
    }
    return new FeatureRows(spec, data, indices.length);
  }

  int columns() {
    return spec.columnCount();
  }

  float[] row(int k) {
    float[] row = new float[columns()];
    System.arraycopy(data, k * columns(), row, 0, row.length);
    return row;
  }
}
