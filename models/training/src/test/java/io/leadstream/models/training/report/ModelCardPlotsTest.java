package io.leadstream.models.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.ClassificationMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardPlotsTest {

  private static final int N = 1500;
  private static final boolean[] ACTUAL = new boolean[N];
  private static final double[] MODEL = new double[N];
  private static final double[] BASELINE = new double[N];

  @TempDir Path dir;

  @BeforeAll
  static void generateLeads() {
    Random random = new Random(42);
    for (int i = 0; i < N; i++) {
      double z = random.nextGaussian();
      ACTUAL[i] = random.nextDouble() < 1 / (1 + Math.exp(-(2 * z - 1.5)));
      MODEL[i] = 1 / (1 + Math.exp(-(2 * z - 1.5 + 0.5 * random.nextGaussian())));
      BASELINE[i] = 1 / (1 + Math.exp(-(z - 1.5 + 1.5 * random.nextGaussian())));
    }
  }

  @Test
  void shouldDrawRocCurvesOfModelAndBaselines() throws IOException {
    Map<String, double[]> models = new LinkedHashMap<>();
    models.put("this bundle", MODEL);
    models.put("structured-logistic", BASELINE);
    Path png = dir.resolve("roc.png");

    ModelCardPlots.roc(png, models, ACTUAL);

    assertReadableChart(png);
  }

  @Test
  void shouldDrawReliabilityDiagram() throws IOException {
    Map<String, double[]> models = new LinkedHashMap<>();
    models.put("raw", BASELINE);
    models.put("calibrated", MODEL);
    Path png = dir.resolve("nested/calibration.png");

    ModelCardPlots.calibration(png, models, ACTUAL);

    assertReadableChart(png);
  }

  @Test
  void shouldDrawScoreHistogramsByOutcome() throws IOException {
    int[] scores = new int[N];
    for (int i = 0; i < N; i++) {
      scores[i] = (int) Math.round(100 * MODEL[i]);
    }
    Path png = dir.resolve("scores.png");

    ModelCardPlots.scoreDistribution(png, scores, ACTUAL);

    assertReadableChart(png);
  }

  @Test
  void shouldDrawTopFeatureImportances() throws IOException {
    Map<String, Double> importance = new LinkedHashMap<>();
    for (int f = 0; f < 20; f++) {
      importance.put("feature_" + f, (double) ((f * 7) % 20 + 1));
    }
    Path png = dir.resolve("importance.png");

    ModelCardPlots.featureImportance(png, importance, "mean |SHAP| in score points");

    assertReadableChart(png);
  }

  @Test
  void shouldDrawBinnedCalibrationCurves() throws IOException {
    Map<String, List<CalibrationBin>> curves = new LinkedHashMap<>();
    curves.put("phase A", ClassificationMetrics.calibrationCurve(MODEL, ACTUAL));
    curves.put("phase B", ClassificationMetrics.calibrationCurve(BASELINE, ACTUAL));
    Path png = dir.resolve("curves.png");

    ModelCardPlots.calibrationCurves(png, "Calibration per phase", curves);

    assertReadableChart(png);
  }

  @Test
  void shouldDrawLiveAucPerPhaseBesideTheCard() throws IOException {
    List<LiveAucPlot.Point> points =
        List.of(
            new LiveAucPlot.Point("A", "v1", 0.86, 0.83, 0.89, 0.88),
            new LiveAucPlot.Point("B", "v1", 0.74, 0.70, 0.78, 0.88),
            new LiveAucPlot.Point("C", "v2", 0.84, 0.81, 0.87, 0.85));
    Path png = dir.resolve("live-auc.png");

    LiveAucPlot.write(png, points, 0.05);

    assertReadableChart(png);
  }

  static void assertReadableChart(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());

    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(600);
    assertThat(distinctColours(image)).isGreaterThan(2);
  }

  private static long distinctColours(BufferedImage image) {
    return IntStream.range(0, image.getWidth() * image.getHeight())
        .map(k -> image.getRGB(k % image.getWidth(), k / image.getWidth()))
        .distinct()
        .limit(3)
        .count();
  }
}
