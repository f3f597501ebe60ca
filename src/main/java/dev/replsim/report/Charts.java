package dev.replsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Line charts in the report's style, drawn by JFreeChart and written as inline SVG by JFreeSVG:
 * white plot, light grid, legend on top, one path per line. Time charts shade fault windows and
 * mark failovers. The SVG scales to its container's width.
 */
final class Charts {

  static final int WIDTH = 1100;
  static final int HEIGHT = 290;
  /** Most points drawn per line; longer series are thinned to their min-max envelope. */
  static final int MAX_POINTS = 2400;

  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Color GRID = new Color(0xe3e6ec);
  private static final Color AXIS = new Color(0x8a93a3);
  private static final Color TEXT = new Color(0x3a4150);
  private static final Color FAULT_FILL = new Color(225, 87, 89, 34);
  private static final Color FAULT_TEXT = new Color(0x9b2226);
  private static final Color FAILOVER = new Color(0x1d2330);
  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 200);

  static {
    // the report never opens a window; without a display AWT must not try to find one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /** A chart of {@code lines} against a linear x axis (a log one if {@code logX}). */
  static JFreeChart lines(String xLabel, String yLabel, List<Line> lines, boolean logX) {
    DefaultXYDataset data = new DefaultXYDataset();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setAutoPopulateSeriesStroke(false);
    int i = 0;
    for (Line line : lines) {
      Series s = Downsample.minMax(logX ? positive(line.series()) : line.series(), MAX_POINTS);
      data.addSeries(line.name(), new double[][] {s.x(), s.y()});
      renderer.setSeriesPaint(i, line.color());
      renderer.setSeriesStroke(i, line.dashed()
          ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      i++;
    }
    ValueAxis x = logX ? logAxis(xLabel) : new NumberAxis(xLabel);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(true);
    if (x instanceof NumberAxis) {
      ((NumberAxis) x).setAutoRangeIncludesZero(false);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    style(chart, plot);
    return chart;
  }

  /** Formats the y axis as percentages of 0..1, for CDFs and probabilities. */
  static void percentY(JFreeChart chart) {
    NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
    y.setRange(0, 1.0);
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
  }

  /** Fixes the x axis to {@code [0, maxX]}, so every time chart of a report lines up. */
  static void xRange(JFreeChart chart, double maxX) {
    if (maxX > 0) {
      chart.getXYPlot().getDomainAxis().setRange(0, maxX);
    }
  }

  /** Shades each fault window and marks each failover; x in seconds. */
  static void incidents(JFreeChart chart, Incidents incidents) {
    XYPlot plot = chart.getXYPlot();
    for (FaultWindow w : incidents.faults()) {
      IntervalMarker band = new IntervalMarker(w.startMs() / 1000, w.endMs() / 1000, FAULT_FILL);
      band.setLabel(w.label());
      band.setLabelFont(TICKS);
      band.setLabelPaint(FAULT_TEXT);
      band.setLabelBackgroundColor(LABEL_BACKGROUND);
      band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      band.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
      plot.addDomainMarker(band, Layer.BACKGROUND);
    }
    for (Marker m : incidents.failovers()) {
      ValueMarker line = new ValueMarker(m.atMs() / 1000, FAILOVER,
          new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
      line.setLabel(m.label());
      line.setLabelFont(TICKS);
      line.setLabelPaint(FAILOVER);
      line.setLabelBackgroundColor(LABEL_BACKGROUND);
      line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
      line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      line.setLabelOffset(new RectangleInsets(4, 4, 18, 4));
      plot.addDomainMarker(line, Layer.FOREGROUND);
    }
  }

  /**
   * Draws a small chart and throws it away: loads the chart library's classes and the fonts, the
   * slow part of the first chart, on a spare core while the run's files are being read.
   */
  static void warmUp() {
    Series s = new Series(new double[] {0, 1}, new double[] {0, 1});
    JFreeChart chart = lines("x", "y", List.of(Line.solid("warm-up", s, Color.GRAY)), false);
    incidents(chart, new Incidents(List.of(new FaultWindow(0.2, 0.4, "warm-up", List.of(), true)),
        List.of(new Marker(0.6, "warm-up", null))));
    svg(chart, "warm-up");
  }

  /** The chart as an {@code <svg>} element with the given id and no fixed size (it scales). */
  static String svg(JFreeChart chart, String id) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  /** The report's look: white plot, light grid, legend on top. */
  static void style(JFreeChart chart, XYPlot plot) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 12));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    for (ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
      axis.setTickLabelFont(TICKS);
      axis.setLabelFont(LABELS);
      axis.setTickLabelPaint(TEXT);
      axis.setLabelPaint(TEXT);
      axis.setAxisLinePaint(AXIS);
      axis.setTickMarkPaint(AXIS);
    }
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setFrame(BlockBorder.NONE);
    legend.setItemFont(LABELS);
    legend.setItemPaint(TEXT);
    legend.setBackgroundPaint(Color.WHITE);
  }

  /** Ticks at 1, 2 and 5 times powers of ten, labelled as plain numbers (0.1, 0.2, 0.5, 1 ...). */
  private static LogarithmicAxis logAxis(String label) {
    LogarithmicAxis axis = new LogarithmicAxis(label);
    axis.setAllowNegativesFlag(false);
    axis.setStrictValuesFlag(false);
    axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
    return axis;
  }

  /** The points with x > 0: what a log axis can show. */
  private static Series positive(Series s) {
    int n = 0;
    for (double v : s.x()) {
      n += v > 0 ? 1 : 0;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    int j = 0;
    for (int i = 0; i < s.size(); i++) {
      if (s.x()[i] > 0) {
        x[j] = s.x()[i];
        y[j++] = s.y()[i];
      }
    }
    return new Series(x, y);
  }
}
