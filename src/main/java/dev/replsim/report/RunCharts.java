package dev.replsim.report;

import dev.replsim.metrics.LatencyPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The charts of one run's report, each present only when the run has its data: lag, position and
 * throughput over time (fault windows shaded, failovers marked), commit latency over time and as a
 * CDF, apply lag as a CDF per follower, and stale-read probability when reads were recorded.
 */
final class RunCharts {

  private static final String TIME = "time since the writes started (s)";
  static final String STALE_READ_PROBABILITY = "stale_read_probability";

  private final RunData run;
  private final NodeColors colors;
  private final Incidents incidents;

  RunCharts(RunData run, NodeColors colors, Incidents incidents) {
    this.run = run;
    this.colors = colors;
    this.incidents = incidents;
  }

  Optional<Figure> applyLag() {
    return timeChart("apply-lag", "Apply lag over time", "apply lag (ms)", perFollower("apply_lag_ms"),
        "How long the oldest entry each follower has not yet applied has been waiting, at each sample"
            + " (0 when it is caught up).");
  }

  Optional<Figure> entriesBehind() {
    return timeChart("entries-behind", "Entries behind over time", "entries behind the leader",
        perFollower("entries_behind"), "How many of the leader's log entries each follower had not applied yet.");
  }

  Optional<Figure> throughput() {
    List<Line> lines = new ArrayList<>();
    String leader = run.summary().cluster().nodes().get(0);
    Series writes = run.timeseries().series("writes_per_s", leader);
    if (!writes.isEmpty()) {
      lines.add(Line.solid(leader + ": writes acknowledged/s", writes.scaleX(1000), colors.of(leader)));
    }
    for (String f : run.followers()) {
      Series applied = run.timeseries().series("applied_lsn", f).ratePerSecond();
      if (!applied.isEmpty()) {
        lines.add(Line.dashed(f + ": entries applied/s", applied.scaleX(1000), colors.of(f)));
      }
    }
    return timeChart("throughput", "Throughput over time", "per second", lines,
        "Writes the leader acknowledged, and entries each follower applied, per second of each interval.");
  }

  Optional<Figure> commitLatencyOverTime() {
    String leader = run.summary().cluster().nodes().get(0);
    List<Line> lines = new ArrayList<>();
    Series p50 = run.timeseries().series("commit_latency_p50_ms", leader);
    Series p99 = run.timeseries().series("commit_latency_p99_ms", leader);
    if (!p50.isEmpty()) {
      lines.add(Line.solid("p50", p50.scaleX(1000), colors.of(leader)));
    }
    if (!p99.isEmpty()) {
      lines.add(Line.dashed("p99", p99.scaleX(1000), colors.of(leader).darker()));
    }
    return timeChart("commit-latency-time", "Commit latency over time", "commit latency (ms)", lines,
        "Median and 99th percentile of the commits answered in each interval.");
  }

  Optional<Figure> commitLatencyCdf() {
    List<Line> lines = new ArrayList<>();
    curves("commit_latency").forEach((node, s) -> lines.add(Line.solid("commit latency", s, colors.of(node))));
    return cdf("commit-latency-cdf", "Commit latency distribution", "commit latency (ms)", lines,
        "The fraction of writes committed within a given time, from the client sending the write to hearing"
            + " it committed (every write of the run).");
  }

  Optional<Figure> applyLagCdf() {
    List<Line> lines = new ArrayList<>();
    curves("apply_lag").forEach((node, s) -> lines.add(Line.solid(node, s, colors.of(node))));
    return cdf("apply-lag-cdf", "Apply lag distribution", "apply lag (ms)", lines,
        "The fraction of entries each follower applied within a given time of the leader appending them.");
  }

  Optional<Figure> staleReads() {
    TidyTable reads = run.reads();
    List<Line> lines = new ArrayList<>();
    for (String node : reads.nodes(STALE_READ_PROBABILITY)) {
      lines.add(Line.solid(node, reads.series(STALE_READ_PROBABILITY, node), colors.of(node)));
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    JFreeChart chart = Charts.lines("time since the key's last commit (ms)", "probability of a stale read", lines,
        false);
    Charts.percentY(chart);
    return Optional.of(new Figure("stale-reads", "Stale reads against time since commit", "The probability that a"
        + " read returned an older value than the last committed one, by how long after that commit it was read.",
        Charts.svg(chart, "stale-reads")));
  }

  private List<Line> perFollower(String metric) {
    List<Line> lines = new ArrayList<>();
    for (String f : run.followers()) {
      Series s = run.timeseries().series(metric, f);
      if (!s.isEmpty()) {
        lines.add(Line.solid(f, s.scaleX(1000), colors.of(f)));
      }
    }
    return lines;
  }

  private Optional<Figure> timeChart(String id, String title, String yLabel, List<Line> lines, String caption) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    JFreeChart chart = Charts.lines(TIME, yLabel, lines, false);
    Charts.xRange(chart, run.writeMs() / 1000);
    Charts.incidents(chart, incidents);
    return Optional.of(new Figure(id, title, caption + incidentNote(), Charts.svg(chart, id)));
  }

  private String incidentNote() {
    String note = "";
    if (!incidents.faults().isEmpty()) {
      note += " Shaded: fault windows.";
    }
    if (!incidents.failovers().isEmpty()) {
      note += " Dashed vertical lines: failovers.";
    }
    return note;
  }

  private Optional<Figure> cdf(String id, String title, String xLabel, List<Line> lines, String caption) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    JFreeChart chart = Charts.lines(xLabel + (logScale(lines) ? ", log scale" : ""), "fraction at or below",
        lines, logScale(lines));
    Charts.percentY(chart);
    return Optional.of(new Figure(id, title, caption, Charts.svg(chart, id)));
  }

  /** A log axis when the values span more than 30x (sub-millisecond commits with a long tail). */
  private static boolean logScale(List<Line> lines) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Line l : lines) {
      for (double x : l.series().x()) {
        if (x > 0) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
    }
    return max > 0 && max / min > 30;
  }

  /** {@code latency.csv}'s curves of one metric, by node: x the value in ms, y the fraction 0..1. */
  private Map<String, Series> curves(String metric) {
    Map<String, List<LatencyPoint>> byNode = new LinkedHashMap<>();
    for (LatencyPoint p : run.latency()) {
      if (p.metric().equals(metric)) {
        byNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(p);
      }
    }
    Map<String, Series> curves = new LinkedHashMap<>();
    byNode.forEach((node, points) -> {
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = points.get(i).valueMs();
        y[i] = points.get(i).percentile() / 100;
      }
      curves.put(node, new Series(x, y));
    });
    return curves;
  }
}
