package dev.replsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a sweep page: a figure against a varied key's values, one line per series through
 * the median over seeds with a shaded band from the least to the greatest, in the report's style
 * ({@link Charts}). A numeric key gets a numeric axis; any other key one category per value.
 */
final class SweepCharts {

  /**
   * One line and its band: at each x, the median and the range of a figure over a combination's seeds.
   */
  record Band(String name, Color color, double[] x, double[] median, double[] low, double[] high) {}

  private SweepCharts() {}

  /**
   * The chart as inline SVG.
   *
   * @param categories the x axis's labels when the key is not numeric (x is then each label's
   *     index), or null for a numeric axis
   */
  static String band(String id, String xLabel, String yLabel, List<String> categories, List<Band> bands) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.16f);
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      YIntervalSeries s = new YIntervalSeries(b.name());
      for (int j = 0; j < b.x().length; j++) {
        s.add(b.x()[j], b.median()[j], b.low()[j], b.high()[j]);
      }
      data.addSeries(s);
      renderer.setSeriesPaint(i, b.color());
      renderer.setSeriesFillPaint(i, b.color());
      renderer.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    NumberAxis x;
    if (categories == null) {
      x = new NumberAxis(xLabel);
      x.setAutoRangeIncludesZero(false);
    } else {
      SymbolAxis symbols = new SymbolAxis(xLabel, categories.toArray(new String[0]));
      symbols.setGridBandsVisible(false);
      symbols.setRange(-0.5, categories.size() - 0.5);
      x = symbols;
    }
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    Charts.style(chart, plot);
    return Charts.svg(chart, id);
  }
}
