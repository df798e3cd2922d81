package io.leadstream.models.training.report;

import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.RocPoint;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes the model card's charts as 800 x 600 PNG files with JFreeChart. Needs no display: sets
 * {@code java.awt.headless=true} when the property is unset (before AWT starts, so load this class
 * early if the process uses AWT otherwise).
 *
 * <p>Where a map names several models, its iteration order is the legend order and the first entry
 * is drawn thicker as the model under review; pass a {@link java.util.LinkedHashMap}. Output is
 * deterministic for the same inputs. Parent folders are created.
 */
public final class ModelCardPlots {

  /** Features shown by {@link #featureImportance}. */
  public static final int TOP_FEATURES = 15;

  /** Bins of {@link #scoreDistribution}, 5 score points wide. */
  public static final int SCORE_BINS = 20;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ModelCardPlots() {}

  /**
   * ROC curves, one per model with its AUC in the legend, and the chance diagonal.
   *
   * @param predictedByModel probabilities (or any scores) of each model for the same leads
   * @param actual the leads' outcomes; both must occur
   */
  public static void roc(Path png, Map<String, double[]> predictedByModel, boolean[] actual)
      throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[]> model : predictedByModel.entrySet()) {
      double auc = ClassificationMetrics.auc(model.getValue(), actual);
      XYSeries series =
          new XYSeries(
              String.format(Locale.ROOT, "%s (AUC %.3f)", model.getKey(), auc), false, true);
      for (RocPoint point : ClassificationMetrics.roc(model.getValue(), actual)) {
        series.add(point.fpr(), point.tpr());
      }
      data.addSeries(series);
    }
    data.addSeries(diagonal("chance"));
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "ROC curve (" + actual.length + " leads)",
            "false-positive rate",
            "true-positive rate",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    styleModelLines(chart, data.getSeriesCount(), false);
    unitAxes(chart.getXYPlot());
    write(png, chart);
  }

  /**
   * A reliability diagram: per model, the observed conversion rate against the mean predicted
   * probability in {@value ClassificationMetrics#CALIBRATION_BINS} quantile bins ({@link
   * ClassificationMetrics#calibrationCurve}), log loss in the legend, and the perfect-calibration
   * diagonal.
   *
   * @param predictedByModel probabilities of each model (e.g. "raw", "calibrated")
   */
  public static void calibration(Path png, Map<String, double[]> predictedByModel, boolean[] actual)
      throws IOException {
    Map<String, List<CalibrationBin>> curves = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> model : predictedByModel.entrySet()) {
      double logLoss = ClassificationMetrics.logLoss(model.getValue(), actual);
      curves.put(
          String.format(Locale.ROOT, "%s (log loss %.3f)", model.getKey(), logLoss),
          ClassificationMetrics.calibrationCurve(model.getValue(), actual));
    }
    calibrationCurves(
        png,
        "Calibration ("
            + ClassificationMetrics.CALIBRATION_BINS
            + " quantile bins, "
            + actual.length
            + " leads)",
        curves);
  }

  /**
   * A reliability diagram of curves already binned: per curve, observed conversion rate against
   * mean predicted probability, and the perfect-calibration diagonal.
   *
   * @param curves calibration bins by legend entry
   */
  public static void calibrationCurves(
      Path png, String title, Map<String, List<CalibrationBin>> curves) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<CalibrationBin>> curve : curves.entrySet()) {
      XYSeries series = new XYSeries(curve.getKey(), false, true);
      for (CalibrationBin bin : curve.getValue()) {
        series.add(bin.meanPredicted(), bin.observedRate());
      }
      data.addSeries(series);
    }
    data.addSeries(diagonal("perfect calibration"));
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "mean predicted probability",
            "observed conversion rate",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    styleModelLines(chart, data.getSeriesCount(), true);
    unitAxes(chart.getXYPlot());
    write(png, chart);
  }

  /**
   * Overlaid, semi-transparent histograms of the 0-100 scores of converted and not converted leads,
   * {@value #SCORE_BINS} bins of 5 points, each as a share of its own group so that the smaller
   * group stays visible.
   *
   * @param scores scores in [0, 100]
   */
  public static void scoreDistribution(Path png, int[] scores, boolean[] actual)
      throws IOException {
    if (scores.length != actual.length || scores.length == 0) {
      throw new IllegalArgumentException(
          scores.length + " scores for " + actual.length + " labels");
    }
    List<Double> converted = new ArrayList<>();
    List<Double> notConverted = new ArrayList<>();
    for (int k = 0; k < scores.length; k++) {
      if (scores[k] < 0 || scores[k] > 100) {
        throw new IllegalArgumentException("score " + scores[k] + " is outside [0, 100]");
      }
      (actual[k] ? converted : notConverted).add((double) scores[k]);
    }
    HistogramDataset data = new HistogramDataset();
    data.setType(HistogramType.RELATIVE_FREQUENCY);
    List<Color> colours = new ArrayList<>();
    if (!notConverted.isEmpty()) {
      data.addSeries(
          "not converted (" + notConverted.size() + ")", toArray(notConverted), SCORE_BINS, 0, 100);
      colours.add(ChartStyle.colour(0));
    }
    if (!converted.isEmpty()) {
      data.addSeries(
          "converted (" + converted.size() + ")", toArray(converted), SCORE_BINS, 0, 100);
      colours.add(ChartStyle.colour(1));
    }
    JFreeChart chart =
        ChartFactory.createHistogram(
            "Score distribution by outcome (" + scores.length + " leads)",
            "score",
            "share of the group's leads",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartStyle.apply(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setForegroundAlpha(0.55f);
    XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
    renderer.setDrawBarOutline(false);
    for (int s = 0; s < colours.size(); s++) {
      renderer.setSeriesPaint(s, colours.get(s));
    }
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setRange(0, 100);
    x.setTickUnit(new NumberTickUnit(10));
    write(png, chart);
  }

  /** {@link #featureImportance(Path, Map, String)} with the axis labelled "importance". */
  public static void featureImportance(Path png, Map<String, Double> importanceByFeature)
      throws IOException {
    featureImportance(png, importanceByFeature, "importance");
  }

  /**
   * Horizontal bars of the {@value #TOP_FEATURES} most important features, largest on top.
   *
   * @param measure what the values are, for the axis label (e.g. "mean |SHAP| in score points")
   */
  public static void featureImportance(
      Path png, Map<String, Double> importanceByFeature, String measure) throws IOException {
    List<Map.Entry<String, Double>> top =
        importanceByFeature.entrySet().stream()
            .sorted(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_FEATURES)
            .toList();
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, Double> feature : top) {
      data.addValue(feature.getValue(), measure, feature.getKey());
    }
    String title =
        importanceByFeature.size() > TOP_FEATURES
            ? "Feature importance (top " + TOP_FEATURES + " of " + importanceByFeature.size() + ")"
            : "Feature importance";
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, measure, data, PlotOrientation.HORIZONTAL, false, false, false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setDomainGridlinesVisible(false);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, ChartStyle.colour(0));
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.06);
    write(png, chart);
  }

  private static XYSeries diagonal(String name) {
    XYSeries series = new XYSeries(name, false, true);
    series.add(0, 0);
    series.add(1, 1);
    return series;
  }

  /** Model series in palette colours, the first thicker; the last series is the reference. */
  private static void styleModelLines(JFreeChart chart, int seriesCount, boolean shapes) {
    ChartStyle.apply(chart);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
    int reference = seriesCount - 1;
    for (int s = 0; s < reference; s++) {
      renderer.setSeriesPaint(s, ChartStyle.colour(s));
      renderer.setSeriesStroke(s, s == 0 ? ChartStyle.MAIN_STROKE : ChartStyle.OTHER_STROKE);
    }
    renderer.setSeriesPaint(reference, ChartStyle.REFERENCE);
    renderer.setSeriesStroke(reference, ChartStyle.REFERENCE_STROKE);
    renderer.setSeriesShapesVisible(reference, false);
    renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
    chart.getXYPlot().setRenderer(renderer);
  }

  private static void unitAxes(XYPlot plot) {
    for (NumberAxis axis :
        List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
      axis.setRange(0, 1);
      axis.setTickUnit(new NumberTickUnit(0.1));
    }
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static void write(Path png, JFreeChart chart) throws IOException {
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ChartUtils.saveChartAsPNG(png.toFile(), chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }
}
