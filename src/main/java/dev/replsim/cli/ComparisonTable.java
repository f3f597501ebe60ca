package dev.replsim.cli;

import dev.replsim.metrics.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code replsim run} prints after the variants of a scenario have run: one row per variant
 * with its method, the bytes a write costs on the log and on the wire, the worst follower's apply
 * lag, commit latency and whether the replicas converged, then who diverged or refused; when the
 * variants read, a second table of their reads, anomalies and session guarantee.
 */
final class ComparisonTable {

  private final PrintWriter out;

  ComparisonTable(PrintWriter out) {
    this.out = out;
  }

  /** @param summaries each variant's summary, by variant name, in the order they ran */
  void print(Map<String, Summary> summaries, Path dir) {
    int name = "variant".length();
    for (String variant : summaries.keySet()) {
      name = Math.max(name, variant.length());
    }
    String columns = "%-" + name + "s %-9s %8s %8s %9s %9s %9s %9s  %s%n";
    out.println();
    out.printf(Locale.ROOT, "%-" + name + "s %-9s %17s %19s %19s%n", "", "",
        "bytes per write", "apply lag (ms)", "commit (ms)");
    out.printf(Locale.ROOT, columns, "variant", "method", "log", "shipped", "p50", "p99", "p50", "p99", "replicas");
    summaries.forEach((variant, s) -> out.printf(Locale.ROOT, columns, variant, s.cluster().method(),
        one(s.replication().bytesPerWrite()), one(s.replication().shippedBytesPerWrite()),
        one(worst(s, true)), one(worst(s, false)),
        one(s.commitLatencyMs().p50()), one(s.commitLatencyMs().p99()), replicas(s.convergence())));
    printReads(summaries, name);
    out.println();
    summaries.forEach((variant, s) -> {
      Summary.Convergence c = s.convergence();
      if (!c.refusedNodes().isEmpty()) {
        out.printf(Locale.ROOT, "%-16s %s refused the stream: %s%n", "", variant, String.join(", ", c.refusedNodes()));
      }
      List<String> diverged = new ArrayList<>(c.divergentNodes());
      diverged.removeAll(c.refusedNodes());
      if (!diverged.isEmpty()) {
        out.printf(Locale.ROOT, "%-16s %s diverged from the leader: %s%n", "", variant, String.join(", ", diverged));
      }
    });
    out.printf(Locale.ROOT, "%-16s %s%n", "results", dir.toAbsolutePath().normalize() + "/<variant>/");
    out.flush();
  }

  /** Reads, anomalies and the session guarantee of each variant, if any variant read. */
  private void printReads(Map<String, Summary> summaries, int name) {
    if (summaries.values().stream().noneMatch(s -> s.reads().total() > 0)) {
      return;
    }
    String columns = "%-" + name + "s %-17s %7s %7s %11s %9s %7s %6s %9s%n";
    out.println();
    out.printf(Locale.ROOT, "%-" + name + "s %-17s %7s %s %s%n", "", "", "", spanning("violations", 37),
        spanning("session", 16));
    out.printf(Locale.ROOT, columns, "variant", "guarantee", "reads", "stale", "your-writes", "monotonic", "prefix",
        "held", "to leader");
    summaries.forEach((variant, s) -> {
      Summary.Reads r = s.reads();
      boolean checked = r.checked();
      out.printf(Locale.ROOT, columns, variant, r.session() == null ? "none" : r.session().guarantee(), r.total(),
          checked ? r.stale() : "-", checked ? r.readYourWritesViolations() : "-",
          checked ? r.monotonicReadViolations() : "-", checked ? r.consistentPrefixViolations() : "-",
          r.session() == null ? 0 : r.session().waited(), r.session() == null ? 0 : r.session().redirected());
    });
  }

  /** A label centred over several columns, e.g. {@code ---- session ----}. */
  private static String spanning(String label, int width) {
    int dashes = Math.max(0, width - label.length() - 2);
    return "-".repeat(dashes / 2) + " " + label + " " + "-".repeat(dashes - dashes / 2);
  }

  /** The worst follower's apply lag p50 (or p99), in ms. */
  private static double worst(Summary s, boolean p50) {
    double worst = 0;
    for (Summary.FollowerLag lag : s.lag().values()) {
      worst = Math.max(worst, p50 ? lag.applyMs().p50() : lag.applyMs().p99());
    }
    return worst;
  }

  private static String replicas(Summary.Convergence c) {
    if (c.converged()) {
      return "converged";
    }
    int diverged = c.divergentNodes().size() - c.refusedNodes().size();
    String refused = c.refusedNodes().isEmpty() ? "" : c.refusedNodes().size() + " refused";
    String apart = diverged <= 0 ? "" : diverged + " diverged";
    return refused.isEmpty() || apart.isEmpty() ? refused + apart : refused + ", " + apart;
  }

  private static String one(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
