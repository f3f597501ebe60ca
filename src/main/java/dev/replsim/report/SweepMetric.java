package dev.replsim.report;

import dev.replsim.check.StaleReads;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.Summary;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A figure of a run that a sweep page plots against the varied keys: its id (part of the chart's
 * id), its name, the unit of its axis, and how to read it from a summary (NaN: the run has none).
 */
record SweepMetric(String id, String title, String unit, ToDoubleFunction<Summary> value) {

  /** The main figures, in the order the page shows them. */
  static final List<SweepMetric> ALL = List.of(
      new SweepMetric("apply-lag-p99", "apply lag p99, worst follower", "ms",
          s -> Comparison.worst(s, LatencyStats::p99)),
      new SweepMetric("apply-lag-p50", "apply lag p50, worst follower", "ms",
          s -> Comparison.worst(s, LatencyStats::p50)),
      new SweepMetric("commit-p99", "commit latency p99", "ms", s -> s.commitLatencyMs().p99()),
      new SweepMetric("commit-p50", "commit latency p50", "ms", s -> s.commitLatencyMs().p50()),
      new SweepMetric("lost-writes", "lost writes", "writes", s -> s.writes().lost()),
      new SweepMetric("failed-writes", "failed writes", "writes", s -> s.writes().failed()),
      new SweepMetric("stale-reads", "stale reads", "reads", s -> s.reads().stale()),
      new SweepMetric("session-violations", "session-guarantee violations", "reads",
          s -> s.reads().readYourWritesViolations() + s.reads().monotonicReadViolations()
              + s.reads().consistentPrefixViolations()),
      new SweepMetric("failovers", "failovers", "failovers", s -> s.failovers().size()),
      new SweepMetric("failover-p50", "failover time p50, fault to new leader", "ms", SweepMetric::failoverP50),
      new SweepMetric("bytes-per-write", "bytes per write", "bytes",
          s -> s.replication() == null ? Double.NaN : s.replication().bytesPerWrite()));

  /** The axis label: {@code apply lag p99, worst follower (ms)}. */
  String axis() {
    return title + " (" + unit + ")";
  }

  private static double failoverP50(Summary s) {
    List<Double> times = SweepTable.failoverTimes(s);
    return times.isEmpty() ? Double.NaN : StaleReads.Amounts.of(times).p50();
  }
}
