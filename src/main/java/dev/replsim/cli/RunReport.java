package dev.replsim.cli;

import dev.replsim.metrics.HostRun;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.Summary;
import dev.replsim.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code replsim run} prints when a run has finished: per-follower lag as a table, commit
 * latency, writes, throughput, reads and their anomalies ({@link ReadsReport}), convergence and
 * where the results are. Narrow enough for a
 * 100-column terminal with the usual node names.
 */
final class RunReport {

  private final PrintWriter out;

  RunReport(PrintWriter out) {
    this.out = out;
  }

  /** @param host what a virtual run cost its host, or null for a live run */
  void print(Summary summary, HostRun host, Path dir) {
    out.println();
    printLag(summary.lag());
    printReportedLag(summary.lag());
    out.println();
    LatencyStats commit = summary.commitLatencyMs();
    row("commit latency", String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s ms  (mean %s over %d writes)",
        ms(commit.p50()), ms(commit.p90()), ms(commit.p99()), ms(commit.max()), ms(commit.mean()), commit.count()));
    Summary.Writes writes = summary.writes();
    String fallbacks = writes.fallbacks() > 0 || "semi-sync".equals(summary.cluster().mode())
        ? ", " + writes.fallbacks() + " semi-sync fallbacks" : "";
    row("writes", writes.attempted() + " attempted, " + writes.acknowledged() + " acknowledged, "
        + writes.failed() + " failed, " + writes.lost() + " lost" + fallbacks);
    row("throughput", String.format(Locale.ROOT, "%.1f writes/s acknowledged, %.1f writes/s replicated",
        summary.throughput().writesPerSec(), summary.throughput().replicatedWritesPerSec()));
    Summary.Replication r = summary.replication();
    row("replication", String.format(Locale.ROOT, "%s: %.1f bytes per write on the log, %.1f shipped per follower%s",
        summary.cluster().method(), r.bytesPerWrite(), r.shippedBytesPerWrite(),
        r.fullPageImages() > 0 ? ", " + r.fullPageImages() + " full-page images" : ""));
    new ReadsReport(out).print(summary);
    if (!summary.failovers().isEmpty()) {
      Summary.FailoverStats stats = summary.failover();
      int needless = stats == null ? 0 : stats.needlessFailovers();
      row("failovers", summary.failovers().size() + (needless > 0 ? " (" + needless + " needless)" : "")
          + ", leader at the end: " + summary.cluster().leader());
      for (Summary.Failover f : summary.failovers()) {
        row("", String.format(Locale.ROOT, "at %s ms: %s -> %s, term %d, cause %s", ms(f.atMs()), f.oldLeader(),
            f.newLeader(), f.term(), f.cause()));
        row("", String.format(Locale.ROOT, "  detected in %s ms, elected in %s ms, no write for %s ms, %d lost",
            orDash(f.detectionMs()), orDash(f.electionMs()), orDash(f.unavailableMs()), f.lostWrites()));
      }
      if (stats != null && stats.maxLeaders() > 1) {
        row("split brain", String.format(Locale.ROOT, "%d leaders at once for %s ms, %d conflicting writes",
            stats.maxLeaders(), ms(stats.multipleLeadersMs()), stats.conflictingWrites()));
      }
    }
    Summary.Convergence convergence = summary.convergence();
    row("replicas", (convergence.converged()
        ? "converged"
        : "NOT converged; diverged from the leader: " + String.join(", ", convergence.divergentNodes()))
        + (convergence.refusedNodes().isEmpty() ? ""
            : "; refused the stream: " + String.join(", ", convergence.refusedNodes())));
    row("driver", driver(summary, host));
    row("results", dir.toAbsolutePath().normalize().toString());
    row("report", dir.resolve(ReportWriter.REPORT).toAbsolutePath().normalize().toString());
    out.flush();
  }

  /** Which driver ran, and for virtual time how fast. */
  static String driver(Summary summary, HostRun host) {
    if (host == null || !"virtual".equals(summary.run() == null ? null : summary.run().driver())) {
      return "live: a Pekko Cluster over Artery on 127.0.0.1, in real time";
    }
    return String.format(Locale.ROOT, "virtual time: %.1f s simulated in %.1f s (%,.0f× real time, %,d events)",
        host.simulatedMs() / 1000, host.wallMs() / 1000, host.speedUp(), host.events());
  }

  private static String orDash(Double ms) {
    return ms == null ? "-" : ms(ms);
  }

  private void printLag(Map<String, Summary.FollowerLag> lag) {
    if (lag.isEmpty()) {
      out.println("no followers, so no replication lag");
      return;
    }
    int name = "follower".length();
    for (String follower : lag.keySet()) {
      name = Math.max(name, follower.length());
    }
    String columns = "%-" + name + "s %9s%9s%9s%9s %12s %10s %12s%n";
    out.printf(Locale.ROOT, "%-" + name + "s %s %12s %s%n",
        "", spanning("apply lag (ms)", 36), "receive", spanning("max behind", 23));
    out.printf(Locale.ROOT, columns, "follower", "p50", "p90", "p99", "max", "p50 (ms)", "entries", "bytes");
    lag.forEach((follower, l) -> out.printf(Locale.ROOT, columns, follower,
        ms(l.applyMs().p50()), ms(l.applyMs().p90()), ms(l.applyMs().p99()), ms(l.applyMs().max()),
        ms(l.receiveMs().p50()), l.maxEntriesBehind(), l.maxBytesBehind()));
  }

  /**
   * The same followers as the databases would report them: PostgreSQL's replay_lag (estimated on
   * the leader's clock) and MySQL's Seconds_Behind_Source (the follower's clock, whole seconds).
   */
  private void printReportedLag(Map<String, Summary.FollowerLag> lag) {
    if (lag.isEmpty()) {
      return;
    }
    int name = "follower".length();
    for (String follower : lag.keySet()) {
      name = Math.max(name, follower.length());
    }
    String columns = "%-" + name + "s %9s%9s%9s %14s%9s%n";
    out.println();
    out.printf(Locale.ROOT, "%-" + name + "s %s %s%n", "", spanning("PostgreSQL replay_lag (ms)", 27),
        "  MySQL Seconds_Behind_Source");
    out.printf(Locale.ROOT, columns, "follower", "p50", "p99", "max", "p50 (s)", "max (s)");
    lag.forEach((follower, l) -> out.printf(Locale.ROOT, columns, follower,
        ms(l.postgres().replayLagMs().p50()), ms(l.postgres().replayLagMs().p99()),
        ms(l.postgres().replayLagMs().max()), (long) l.mysql().secondsBehindSource().p50(),
        l.mysql().maxSecondsBehindSource()));
  }

  /** A label centred over several columns, e.g. {@code ---- max behind ----}. */
  private static String spanning(String label, int width) {
    int dashes = Math.max(0, width - label.length() - 5);
    return "   " + "-".repeat(dashes / 2) + " " + label + " " + "-".repeat(dashes - dashes / 2);
  }

  private void row(String label, String value) {
    out.printf(Locale.ROOT, "%-16s %s%n", label, value);
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
