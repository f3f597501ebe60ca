package dev.replsim.report;

import dev.replsim.check.StaleReads;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.csv}'s table: one row per run, in the sweep's order, with the run id, each varied key
 * (a column named by the key), the seed, and the run's key figures; a failed run has its figures
 * blank and its {@code error} set. Numbers are plain decimals, a missing figure an empty cell.
 */
final class SweepTable {

  private final List<String> keys;
  private final List<String> followers;
  private final List<SweepRow> rows;

  /**
   * @param followers every follower of any run, in order: a pair of lag columns each (blank for a
   *     run without that follower)
   */
  SweepTable(List<String> keys, List<String> followers, List<SweepRow> rows) {
    this.keys = List.copyOf(keys);
    this.followers = List.copyOf(followers);
    this.rows = List.copyOf(rows);
  }

  List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("run"));
    columns.addAll(keys);
    columns.add("seed");
    columns.addAll(figures(null).keySet());
    columns.add("error");
    return columns;
  }

  List<List<String>> cells() {
    List<List<String>> out = new ArrayList<>();
    for (SweepRow row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.id()));
      cells.addAll(row.values());
      cells.add(Long.toString(row.seed()));
      cells.addAll(figures(row.summary()).values());
      cells.add(row.error() == null ? "" : row.error());
      out.add(cells);
    }
    return out;
  }

  /** The CSV text: a header and a line per run. */
  String csv() {
    StringBuilder out = new StringBuilder();
    ComparisonCsv.line(out, columns());
    cells().forEach(cells -> ComparisonCsv.line(out, cells));
    return out.toString();
  }

  /** A run's figures by column; every cell empty for a failed run ({@code s} null). */
  Map<String, String> figures(Summary s) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String follower : followers) {
      Summary.FollowerLag lag = s == null ? null : s.lag().get(follower);
      f.put("apply_lag_p50_ms_" + follower, lag == null ? "" : Comparison.number(lag.applyMs().p50()));
      f.put("apply_lag_p99_ms_" + follower, lag == null ? "" : Comparison.number(lag.applyMs().p99()));
    }
    LatencyStats commit = s == null ? null : s.commitLatencyMs();
    f.put("commit_p50_ms", s == null ? "" : Comparison.number(commit.p50()));
    f.put("commit_p99_ms", s == null ? "" : Comparison.number(commit.p99()));
    f.put("writes_acknowledged", s == null ? "" : Long.toString(s.writes().acknowledged()));
    f.put("lost_writes", s == null ? "" : Long.toString(s.writes().lost()));
    f.put("failed_writes", s == null ? "" : Long.toString(s.writes().failed()));
    Summary.Reads reads = s == null ? null : s.reads();
    f.put("stale_reads", s == null ? "" : Long.toString(reads.stale()));
    f.put("read_your_writes_violations", s == null ? "" : Long.toString(reads.readYourWritesViolations()));
    f.put("monotonic_read_violations", s == null ? "" : Long.toString(reads.monotonicReadViolations()));
    f.put("consistent_prefix_violations", s == null ? "" : Long.toString(reads.consistentPrefixViolations()));
    f.put("failovers", s == null ? "" : Integer.toString(s.failovers().size()));
    List<Double> times = s == null ? List.of() : failoverTimes(s);
    StaleReads.Amounts amounts = StaleReads.Amounts.of(times);
    f.put("failover_p50_ms", times.isEmpty() ? "" : Comparison.number(amounts.p50()));
    f.put("failover_p99_ms", times.isEmpty() ? "" : Comparison.number(amounts.p99()));
    f.put("bytes_per_write", s == null || s.replication() == null ? ""
        : Comparison.number(s.replication().bytesPerWrite()));
    f.put("converged", s == null ? "" : Boolean.toString(s.convergence().converged()));
    return f;
  }

  /** Each failover's time from the fault that struck the old leader to the new leader, in ms; none without a fault. */
  static List<Double> failoverTimes(Summary s) {
    List<Double> times = new ArrayList<>();
    for (Summary.Failover f : s.failovers()) {
      if (f.faultAtMs() != null) {
        times.add(Math.round((f.atMs() - f.faultAtMs()) * 1000) / 1000.0); // to the microsecond, as recorded
      }
    }
    return times;
  }
}
