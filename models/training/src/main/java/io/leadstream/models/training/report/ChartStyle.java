package io.leadstream.models.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look of the model card's charts: white, light grey grid, flat bars, one palette. */
final class ChartStyle {

  static final int WIDTH = 800;
  static final int HEIGHT = 600;

  /** Series colours in order (the Tableau 10 palette). */
  static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  static final Color REFERENCE = new Color(0x9e9e9e);
  static final Stroke REFERENCE_STROKE =
      new BasicStroke(
          1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
  static final Stroke DOTTED_STROKE =
      new BasicStroke(
          1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 3}, 0);
  static final Stroke MAIN_STROKE = new BasicStroke(2.6f);
  static final Stroke OTHER_STROKE = new BasicStroke(1.6f);

  private static final Color GRID = new Color(0xdddddd);
  private static final StandardChartTheme THEME = theme();

  private ChartStyle() {}

  static Color colour(int series) {
    return PALETTE[series % PALETTE.length];
  }

  /** Applies the style; call after the renderers and datasets are set. */
  static JFreeChart apply(JFreeChart chart) {
    THEME.apply(chart);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    return chart;
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            PALETTE.clone(),
            DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
            new Paint[] {Color.GRAY},
            new Stroke[] {OTHER_STROKE},
            DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }
}
