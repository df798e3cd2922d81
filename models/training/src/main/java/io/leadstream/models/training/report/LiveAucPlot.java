package io.leadstream.models.training.report;

import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The live AUC of each model version, phase after phase, with its 95 % interval as an error bar,
 * beside the hold-out AUC of the version's card as a dashed line and the warning threshold below it
 * as a dotted one. Needs no display (as {@link ModelCardPlots}).
 */
public final class LiveAucPlot {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * The live AUC of one version in one phase.
   *
   * @param phase the x-axis label
   * @param version the model version that scored the phase's leads
   * @param auc live AUC
   * @param low lower end of its 95 % interval
   * @param high upper end
   * @param holdOutAuc the card's hold-out AUC of that version; NaN without a card
   */
  public record Point(
      String phase, String version, double auc, double low, double high, double holdOutAuc) {}

  private LiveAucPlot() {}

  /**
   * Writes the chart.
   *
   * @param points in phase order; a phase may have points of several versions
   * @param margin a version warns below its hold-out AUC minus this
   */
  public static void write(Path png, List<Point> points, double margin) throws IOException {
    List<String> phases = new ArrayList<>();
    Map<String, List<Point>> byVersion = new LinkedHashMap<>();
    for (Point point : points) {
      if (!phases.contains(point.phase())) {
        phases.add(point.phase());
      }
      byVersion.computeIfAbsent(point.version(), v -> new ArrayList<>()).add(point);
    }
    YIntervalSeriesCollection live = new YIntervalSeriesCollection();
    XYSeriesCollection cards = new XYSeriesCollection();
    for (Map.Entry<String, List<Point>> version : byVersion.entrySet()) {
      YIntervalSeries series = new YIntervalSeries("live AUC, " + version.getKey());
      for (Point point : version.getValue()) {
        series.add(phases.indexOf(point.phase()), point.auc(), point.low(), point.high());
      }
      live.addSeries(series);
      double holdOut = version.getValue().get(0).holdOutAuc();
      if (Double.isFinite(holdOut)) {
        cards.addSeries(
            flat(String.format(Locale.ROOT, "hold-out AUC %.3f", holdOut), holdOut, phases.size()));
        cards.addSeries(
            flat(
                String.format(Locale.ROOT, "warning below %.3f", holdOut - margin),
                holdOut - margin,
                phases.size()));
      }
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Live AUC per phase (95 % DeLong interval)",
            null, "AUC of score/100", live, PlotOrientation.VERTICAL, true, false, false);
    ChartStyle.apply(chart);
    XYPlot plot = chart.getXYPlot();
    XYErrorRenderer liveRenderer = new XYErrorRenderer();
    liveRenderer.setDrawXError(false);
    liveRenderer.setDefaultLinesVisible(true);
    liveRenderer.setCapLength(10);
    for (int s = 0; s < live.getSeriesCount(); s++) {
      liveRenderer.setSeriesPaint(s, ChartStyle.colour(s));
      liveRenderer.setSeriesStroke(s, ChartStyle.MAIN_STROKE);
    }
    liveRenderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
    plot.setRenderer(0, liveRenderer);
    plot.setDataset(1, cards);
    XYLineAndShapeRenderer cardRenderer = new XYLineAndShapeRenderer(true, false);
    for (int s = 0; s < cards.getSeriesCount(); s++) {
      cardRenderer.setSeriesPaint(s, ChartStyle.colour(s / 2));
      cardRenderer.setSeriesStroke(
          s, s % 2 == 0 ? ChartStyle.REFERENCE_STROKE : ChartStyle.DOTTED_STROKE);
    }
    cardRenderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
    plot.setRenderer(1, cardRenderer);
    SymbolAxis x = new SymbolAxis(null, phases.toArray(String[]::new));
    x.setRange(-0.5, phases.size() - 0.5);
    x.setGridBandsVisible(false);
    plot.setDomainAxis(x);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setRange(0.5, 1);
    y.setTickUnit(new NumberTickUnit(0.05));
    ModelCardPlots.write(png, chart);
  }

  private static XYSeries flat(String name, double y, int phases) {
    XYSeries series = new XYSeries(name, false, true);
    series.add(-0.5, y);
    series.add(phases - 0.5, y);
    return series;
  }
}
