package dev.replsim.report;

import dev.replsim.metrics.LatencyPoint;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/**
 * {@code comparison.html}: the comparison's table, then the runs overlaid, one colour per run:
 * the worst follower's apply lag over time, commit latency as a CDF, and throughput over time.
 */
final class ComparisonPage {

  private static final String TIME = "time since the writes started (s)";

  private final Comparison c;

  ComparisonPage(Comparison comparison) {
    this.c = comparison;
  }

  String html() {
    Page page = new Page("replsim · comparison of " + c.runs().size() + " runs", "comparison of " + c.runs().size()
        + " runs", c.differing().isEmpty() ? "the runs' scenarios differ in no setting but their method and mode"
        : "the runs differ in " + Html.esc(String.join(", ", c.differing())));
    page.section("table", "Side by side", table());
    StringBuilder charts = new StringBuilder();
    lagOverTime().ifPresent(f -> charts.append(Page.figure(f)));
    commitCdf().ifPresent(f -> charts.append(Page.figure(f)));
    throughput().ifPresent(f -> charts.append(Page.figure(f)));
    page.section("charts", "Overlaid", charts.toString());
    page.footer("Drawn by replsim compare from the runs' own files; the same table is in comparison.csv beside"
        + " this page.");
    return page.html();
  }

  private Color color(int run) {
    return NodeColors.nth(run);
  }

  /** The CSV's table turned on its side: a column per run reads better than 23 columns per row. */
  private String table() {
    List<String> columns = c.columns();
    List<List<String>> rows = c.rows();
    StringBuilder out = new StringBuilder("<p class='muted'>One column per run (comparison.csv has one row per run);"
        + " lag figures are the worst follower's. Each run's own report is its directory's report.html.</p>"
        + "<div style='overflow-x:auto'><table><thead><tr><th></th>");
    for (int i = 0; i < rows.size(); i++) {
      out.append("<th><span class='swatch' style='background:").append(NodeColors.css(color(i))).append("'></span>")
          .append(Html.esc(rows.get(i).get(0))).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (int j = 1; j < columns.size(); j++) {
      out.append("<tr><td>").append(Html.esc(columns.get(j))).append("</td>");
      for (List<String> row : rows) {
        out.append("<td>").append(Html.esc(row.get(j))).append("</td>");
      }
      out.append("</tr>");
    }
    return out.append("</tbody></table></div>").toString();
  }

  private Optional<Figure> lagOverTime() {
    List<Line> lines = new ArrayList<>();
    double maxX = 0;
    for (int i = 0; i < c.runs().size(); i++) {
      RunData r = c.runs().get(i);
      TreeMap<Double, Double> worst = new TreeMap<>();
      for (String f : r.followers()) {
        Series s = r.timeseries().series("apply_lag_ms", f);
        for (int k = 0; k < s.size(); k++) {
          worst.merge(s.x()[k], s.y()[k], Math::max);
        }
      }
      if (!worst.isEmpty()) {
        lines.add(Line.solid(c.labels().get(i), series(worst).scaleX(1000), color(i)));
        maxX = Math.max(maxX, r.writeMs() / 1000);
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    JFreeChart chart = Charts.lines(TIME, "apply lag, worst follower (ms)", lines, false);
    Charts.xRange(chart, maxX);
    return Optional.of(new Figure("compare-apply-lag", "Apply lag over time",
        "At each sample, the apply lag of the follower furthest behind, in each run.", Charts.svg(chart,
            "compare-apply-lag")));
  }

  private Optional<Figure> commitCdf() {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < c.runs().size(); i++) {
      TreeMap<Double, Double> curve = new TreeMap<>();
      for (LatencyPoint p : c.runs().get(i).latency()) {
        if (p.metric().equals("commit_latency")) {
          curve.merge(p.valueMs(), p.percentile() / 100, Math::max);
        }
      }
      if (!curve.isEmpty()) {
        lines.add(Line.solid(c.labels().get(i), series(curve), color(i)));
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    boolean log = spansDecades(lines);
    JFreeChart chart = Charts.lines("commit latency (ms)" + (log ? ", log scale" : ""), "fraction at or below",
        lines, log);
    Charts.percentY(chart);
    return Optional.of(new Figure("compare-commit-cdf", "Commit latency distribution",
        "The fraction of writes committed within a given time, in each run.", Charts.svg(chart, "compare-commit-cdf")));
  }

  private Optional<Figure> throughput() {
    List<Line> lines = new ArrayList<>();
    double maxX = 0;
    for (int i = 0; i < c.runs().size(); i++) {
      RunData r = c.runs().get(i);
      Series s = r.timeseries().series("writes_per_s", r.nodes().get(0));
      if (!s.isEmpty()) {
        lines.add(Line.solid(c.labels().get(i), s.scaleX(1000), color(i)));
        maxX = Math.max(maxX, r.writeMs() / 1000);
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    JFreeChart chart = Charts.lines(TIME, "writes acknowledged/s", lines, false);
    Charts.xRange(chart, maxX);
    return Optional.of(new Figure("compare-throughput", "Throughput over time",
        "Writes acknowledged per second of each interval, in each run.", Charts.svg(chart, "compare-throughput")));
  }

  private static Series series(Map<Double, Double> points) {
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    int i = 0;
    for (Map.Entry<Double, Double> e : points.entrySet()) {
      x[i] = e.getKey();
      y[i++] = e.getValue();
    }
    return new Series(x, y);
  }

  private static boolean spansDecades(List<Line> lines) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Line l : lines) {
      for (double v : l.series().x()) {
        if (v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return max > 0 && max / min > 30;
  }
}
