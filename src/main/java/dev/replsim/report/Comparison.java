package dev.replsim.report;

import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Several finished runs side by side, e.g. one scenario under each replication method or commit
 * mode: one row per run with its name, method, mode, the settings that differ between the runs,
 * and its headline figures. Lag columns are the worst follower's, so runs with different numbers
 * of followers still line up. Both {@code comparison.csv} and {@code comparison.html} show it.
 */
public final class Comparison {

  /** Settings that are not compared: they name where and as what a run was written, not what ran. */
  private static final List<String> NOT_COMPARED = List.of("output.dir", "simulation.name",
      "cluster.replication.method", "cluster.replication.mode");

  private final List<RunData> runs;
  private final List<String> labels;
  private final List<String> differing;

  public Comparison(List<RunData> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    this.runs = List.copyOf(runs);
    this.labels = labels(runs);
    this.differing = differing(runs);
  }

  public List<RunData> runs() {
    return runs;
  }

  /** Each run's label: its directory's name, or more of its path where two names are the same. */
  public List<String> labels() {
    return labels;
  }

  /** The settings (as paths, e.g. {@code network.delay.value}) whose values are not the same in every run. */
  public List<String> differing() {
    return differing;
  }

  /** The table's columns: the fixed ones, then one per differing setting, then the figures. */
  public List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("run", "name", "method", "mode"));
    columns.addAll(differing);
    columns.addAll(figures(runs.get(0)).keySet());
    return columns;
  }

  /** One row per run, the cells in {@link #columns()} order, numbers in plain decimal notation. */
  public List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunData r = runs.get(i);
      Summary s = r.summary();
      List<String> row = new ArrayList<>(List.of(labels.get(i), s.scenario().name(), s.cluster().method(),
          s.cluster().mode()));
      for (String key : differing) {
        row.add(r.settings().getOrDefault(key, ""));
      }
      figures(r).values().forEach(row::add);
      rows.add(row);
    }
    return rows;
  }

  /** The figures of a run by column name: what a notebook compares. */
  static Map<String, String> figures(RunData r) {
    Summary s = r.summary();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("writes_acknowledged", Long.toString(s.writes().acknowledged()));
    f.put("writes_per_s", number(s.throughput() == null ? Double.NaN : s.throughput().writesPerSec()));
    f.put("replicated_writes_per_s", number(s.throughput() == null ? Double.NaN : s.throughput().replicatedWritesPerSec()));
    LatencyStats c = s.commitLatencyMs();
    f.put("commit_p50_ms", number(c.p50()));
    f.put("commit_p90_ms", number(c.p90()));
    f.put("commit_p99_ms", number(c.p99()));
    f.put("commit_max_ms", number(c.max()));
    f.put("apply_lag_p50_ms", number(worst(s, LatencyStats::p50)));
    f.put("apply_lag_p90_ms", number(worst(s, LatencyStats::p90)));
    f.put("apply_lag_p99_ms", number(worst(s, LatencyStats::p99)));
    f.put("apply_lag_max_ms", number(worst(s, LatencyStats::max)));
    long behind = 0;
    for (Summary.FollowerLag l : s.lag().values()) {
      behind = Math.max(behind, l.maxEntriesBehind());
    }
    f.put("max_entries_behind", Long.toString(behind));
    f.put("bytes_shipped", s.network() == null ? "" : Long.toString(s.network().bytes()));
    f.put("lost_writes", Long.toString(s.writes().lost()));
    f.put("failed_writes", Long.toString(s.writes().failed()));
    f.put("failovers", Integer.toString(s.failovers().size()));
    f.put("stale_reads", Long.toString(s.reads().stale()));
    f.put("converged", Boolean.toString(s.convergence().converged()));
    return f;
  }

  /** The worst follower's value of a lag statistic; NaN without followers. */
  static double worst(Summary s, java.util.function.ToDoubleFunction<LatencyStats> stat) {
    double worst = Double.NaN;
    for (Summary.FollowerLag l : s.lag().values()) {
      double v = stat.applyAsDouble(l.applyMs());
      worst = Double.isNaN(worst) ? v : Math.max(worst, v);
    }
    return worst;
  }

  /** Plain decimal notation; an empty cell for a missing figure (NaN in pandas, NA in R). */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).toPlainString();
  }

  private static List<String> labels(List<RunData> runs) {
    List<String> labels = new ArrayList<>();
    for (RunData r : runs) {
      labels.add(r.label());
    }
    for (int depth = 2; new TreeSet<>(labels).size() < labels.size() && depth <= 4; depth++) {
      for (int i = 0; i < runs.size(); i++) {
        labels.set(i, tail(runs.get(i).dir(), depth));
      }
    }
    for (int i = 0; new TreeSet<>(labels).size() < labels.size() && i < labels.size(); i++) {
      labels.set(i, labels.get(i) + "#" + (i + 1)); // the same directory given twice
    }
    return labels;
  }

  private static String tail(Path dir, int depth) {
    Path p = dir.toAbsolutePath().normalize();
    int from = Math.max(0, p.getNameCount() - depth);
    return p.getNameCount() == 0 ? p.toString() : p.subpath(from, p.getNameCount()).toString().replace('\\', '/');
  }

  private static List<String> differing(List<RunData> runs) {
    TreeSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.settings().keySet()));
    List<String> differing = new ArrayList<>();
    for (String key : keys) {
      if (NOT_COMPARED.contains(key)) {
        continue;
      }
      String first = runs.get(0).settings().get(key);
      for (RunData r : runs) {
        if (!Objects.equals(first, r.settings().get(key))) {
          differing.add(key);
          break;
        }
      }
    }
    return differing;
  }
}
