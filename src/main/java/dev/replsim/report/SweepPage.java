package dev.replsim.report;

import dev.replsim.check.StaleReads;
import dev.replsim.sweep.Quantity;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code sweep.html}: for each varied key, each main figure against that key's values, one line
 * per combination of the other keys' values through the median over seeds, shaded from the least
 * to the greatest, with its numbers beneath; then, when runs had failovers after a fault, a CDF of
 * the time from the fault to the new leader per combination; then the runs that failed. A figure
 * that is the same in every run is named once rather than drawn flat.
 */
final class SweepPage {

  private final String scenario;
  private final List<String> keys;
  private final List<SweepRow> rows;

  SweepPage(String scenario, List<String> keys, List<SweepRow> rows) {
    this.scenario = scenario;
    this.keys = List.copyOf(keys);
    this.rows = List.copyOf(rows);
  }

  String html() {
    long failed = rows.stream().filter(r -> !r.finished()).count();
    long seeds = rows.stream().map(SweepRow::seed).distinct().count();
    String varied = keys.isEmpty() ? "no key varied" : "varying " + String.join(", ", keys);
    Page page = new Page("replsim · sweep of " + scenario, "sweep of " + scenario, Html.count(rows.size())
        + " runs over " + seeds + (seeds == 1 ? " seed, " : " seeds, ") + Html.esc(varied)
        + (failed == 0 ? "" : "; <b>" + failed + " failed</b>"));
    List<SweepMetric> drawn = new ArrayList<>();
    StringBuilder constant = new StringBuilder();
    for (SweepMetric m : SweepMetric.ALL) {
      TreeSet<Double> distinct = new TreeSet<>();
      rows.stream().filter(SweepRow::finished).mapToDouble(r -> m.value().applyAsDouble(r.summary()))
          .filter(v -> !Double.isNaN(v)).forEach(distinct::add);
      if (distinct.size() > 1) {
        drawn.add(m);
      } else if (distinct.size() == 1) {
        constant.append(constant.length() == 0 ? "" : "; ").append(Html.esc(m.title())).append(' ')
            .append(Comparison.number(distinct.first())).append(m.unit().equals("ms") ? " ms" : "");
      }
    }
    String note = constant.length() == 0 ? "" : "<p class='muted'>The same in every run: " + constant + ".</p>";
    for (int k = 0; k < keys.size(); k++) {
      page.section("by-" + k, "Against " + keys.get(k), (k == 0 ? note : "") + byKey(k, drawn));
    }
    if (keys.isEmpty()) {
      page.section("runs", "Runs", note);
    }
    failoverCdf().ifPresent(html -> page.section("failover", "Failover time", html));
    if (failed > 0) {
      page.section("failed", "Failed runs", failedRuns());
    }
    page.footer("Drawn by replsim sweep from its runs' summaries; every number is in sweep.csv beside this page,"
        + " and each run's own report is its directory's report.html.");
    return page.html();
  }

  private String byKey(int k, List<SweepMetric> metrics) {
    SweepPoints points = new SweepPoints(keys, k, rows);
    Optional<List<Quantity>> numeric = points.numeric();
    String unit = numeric.map(q -> q.get(0).unit()).filter(u -> !u.isEmpty()).map(u -> " (" + u + ")").orElse("");
    List<String> categories = numeric.isPresent() ? null : points.xs();
    StringBuilder out = new StringBuilder();
    for (SweepMetric m : metrics) {
      List<List<SweepPoints.Point>> lines = points.points(m);
      List<SweepCharts.Band> bands = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isEmpty()) {
          bands.add(band(points.seriesNames().get(i), NodeColors.nth(i), lines.get(i)));
        }
      }
      if (bands.isEmpty()) {
        continue;
      }
      String id = m.id() + "-by-" + keys.get(k).replaceAll("[^A-Za-z0-9.-]+", "-");
      String svg = SweepCharts.band(id, keys.get(k) + unit, m.axis(), categories, bands);
      out.append(Page.figure(new Figure(id, m.title() + " against " + keys.get(k),
          "The line joins the medians over each point's seeds; the band runs from the least to the greatest.",
          svg)));
      out.append(numbers(id, keys.get(k), lines));
    }
    return out.toString();
  }

  private static SweepCharts.Band band(String name, Color color, List<SweepPoints.Point> line) {
    int n = line.size();
    double[] x = new double[n];
    double[] median = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    for (int i = 0; i < n; i++) {
      SweepPoints.Point p = line.get(i);
      x[i] = p.position();
      median[i] = p.median();
      low[i] = p.min();
      high[i] = p.max();
    }
    return new SweepCharts.Band(name, color, x, median, low, high);
  }

  /** The points of chart {@code chart} as a table, folded away; its rows carry the numbers as data attributes. */
  private static String numbers(String chart, String key, List<List<SweepPoints.Point>> lines) {
    StringBuilder out = new StringBuilder("<details class='numbers'><summary>numbers</summary><table data-points='")
        .append(chart).append("'><thead><tr><th>series</th><th>").append(Html.esc(key))
        .append("</th><th>runs</th><th>median</th><th>least</th><th>greatest</th></tr></thead><tbody>");
    for (List<SweepPoints.Point> line : lines) {
      for (SweepPoints.Point p : line) {
        out.append("<tr data-series='").append(Html.esc(p.series())).append("' data-x='").append(Html.esc(p.x()))
            .append("' data-median='").append(Comparison.number(p.median())).append("'><td>")
            .append(Html.esc(p.series())).append("</td><td>").append(Html.esc(p.x())).append("</td><td>")
            .append(p.runs()).append("</td><td>").append(Comparison.number(p.median())).append("</td><td>")
            .append(Comparison.number(p.min())).append("</td><td>").append(Comparison.number(p.max()))
            .append("</td></tr>");
      }
    }
    return out.append("</tbody></table></details>").toString();
  }

  /** Each combination's failovers after a fault, over all its seeds, as a CDF; empty when there were none. */
  private Optional<String> failoverCdf() {
    Map<String, List<Double>> trials = new LinkedHashMap<>();
    for (SweepRow r : rows) {
      if (r.finished()) {
        trials.computeIfAbsent(combination(r), c -> new ArrayList<>()).addAll(SweepTable.failoverTimes(r.summary()));
      }
    }
    trials.values().removeIf(List::isEmpty);
    if (trials.isEmpty()) {
      return Optional.empty();
    }
    List<Line> lines = new ArrayList<>();
    StringBuilder table = new StringBuilder("<table data-points='failover-cdf'><thead><tr><th>combination</th>"
        + "<th>failovers</th><th>p50 (ms)</th><th>p99 (ms)</th><th>greatest (ms)</th></tr></thead><tbody>");
    int i = 0;
    for (Map.Entry<String, List<Double>> e : trials.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] y = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        y[j] = (j + 1.0) / x.length;
      }
      lines.add(Line.solid(e.getKey(), new Series(x, y), NodeColors.nth(i++)));
      StaleReads.Amounts a = StaleReads.Amounts.of(e.getValue());
      table.append("<tr data-series='").append(Html.esc(e.getKey())).append("' data-count='").append(x.length)
          .append("'><td>").append(Html.esc(e.getKey())).append("</td><td>").append(x.length).append("</td><td>")
          .append(Comparison.number(a.p50())).append("</td><td>").append(Comparison.number(a.p99()))
          .append("</td><td>").append(Comparison.number(a.max())).append("</td></tr>");
    }
    var chart = Charts.lines("time from the fault to the new leader (ms)", "failovers at most this long", lines,
        false);
    Charts.percentY(chart);
    String figure = Page.figure(new Figure("failover-cdf", "Failover time, fault to new leader (CDF)",
        "Each failover after a fault on the old leader is one trial; all seeds of a combination are pooled.",
        Charts.svg(chart, "failover-cdf")));
    return Optional.of(figure + table.append("</tbody></table>"));
  }

  private String combination(SweepRow r) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      parts.add(keys.get(k) + " = " + r.values().get(k));
    }
    return parts.isEmpty() ? "all runs" : String.join(", ", parts);
  }

  private String failedRuns() {
    StringBuilder out = new StringBuilder("<table><thead><tr><th>run</th><th>why it failed</th></tr></thead><tbody>");
    for (SweepRow r : rows) {
      if (!r.finished()) {
        out.append("<tr><td>").append(Html.esc(r.id())).append("</td><td>").append(Html.esc(r.error()))
            .append("</td></tr>");
      }
    }
    return out.append("</tbody></table>").toString();
  }
}
