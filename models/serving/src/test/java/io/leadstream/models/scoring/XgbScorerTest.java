package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XgbScorerTest {

  static final int COLUMNS = 3;
  private static XgbScorer scorer;

  @BeforeAll
  static void trainSmallModel() throws Exception {
    scorer = XgbScorer.load(trainedModel(), COLUMNS);
  }

  @AfterAll
  static void close() {
    scorer.close();
  }

  /** A small booster on y = [x0 + 2 x1 > 1], x2 noise, with missing values, as UBJ bytes. */
  static byte[] trainedModel() throws Exception {
    Random random = new Random(3);
    int rows = 400;
    float[] data = new float[rows * COLUMNS];
    float[] labels = new float[rows];
    for (int r = 0; r < rows; r++) {
      float x0 = random.nextFloat();
      float x1 = random.nextFloat();
      data[r * COLUMNS] = x0;
      data[r * COLUMNS + 1] = random.nextInt(10) == 0 ? Float.NaN : x1;
      data[r * COLUMNS + 2] = random.nextFloat();
      labels[r] = x0 + 2 * x1 + 0.3 * random.nextGaussian() > 1.5 ? 1 : 0;
    }
    DMatrix matrix = new DMatrix(data, rows, COLUMNS, Float.NaN);
    try {
      matrix.setLabel(labels);
      Booster booster =
          XGBoost.train(
              matrix,
              Map.of(
                  "objective",
                  "binary:logistic",
                  "max_depth",
                  3,
                  "eta",
                  0.3,
                  "nthread",
                  1,
                  "seed",
                  1,
                  "verbosity",
                  0),
              20,
              Map.of(),
              null,
              null);
      try {
        return booster.toByteArray("ubj");
      } finally {
        booster.dispose();
      }
    } finally {
      matrix.dispose();
    }
  }

  @Test
  void shouldReturnContributionsThatSumToTheMargin() {
    float[][] rows = {{0.9f, 0.8f, 0.1f}, {0.1f, Float.NaN, 0.5f}, {0.4f, 0.3f, 0.9f}};
    for (float[] row : rows) {
      float[] contributions = scorer.contributions(row);
      double sum = 0;
      for (float c : contributions) {
        sum += c;
      }

      assertThat(contributions).hasSize(COLUMNS + 1);
      assertThat(sum).isCloseTo(scorer.margin(row), within(1e-4));
      assertThat(scorer.probability(row)).isCloseTo(1 / (1 + Math.exp(-sum)), within(1e-5));
    }
  }

  @Test
  void shouldRankRowsByTheLearnedRule() {
    assertThat(scorer.probability(new float[] {0.9f, 0.9f, 0.5f}))
        .isGreaterThan(scorer.probability(new float[] {0.1f, 0.1f, 0.5f}));
  }

  @Test
  void shouldPredictBatchesLikeSingleRows() {
    float[] batch = {0.9f, 0.8f, 0.1f, 0.1f, 0.2f, 0.5f};

    double[] probabilities = scorer.probabilities(batch, 2);

    assertThat(probabilities[1])
        .isCloseTo(scorer.probability(new float[] {0.1f, 0.2f, 0.5f}), within(1e-7));
  }
}
