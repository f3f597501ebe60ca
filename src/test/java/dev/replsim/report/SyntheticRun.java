package dev.replsim.report;

import dev.replsim.TestRuns;
import dev.replsim.metrics.LatencyPoint;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Sample;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.TracedMessage;
import dev.replsim.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A run directory written in code, with everything a report can show: a leader and three
 * followers over 20 s, and, when asked, what features not built yet will add: a leader crash from
 * 10 s to 14 s with a failover to follower-1, a partition of follower-3, dropped messages, reads
 * with stale-read probabilities. Seeded, so every test sees the same run.
 */
final class SyntheticRun {

  static final List<String> NODES = List.of("leader", "follower-1", "follower-2", "follower-3");
  static final List<String> FOLLOWERS = NODES.subList(1, NODES.size());
  static final double CRASH_MS = 10_000;
  static final double FAILOVER_MS = 10_500;
  static final double HEAL_MS = 14_000;

  private final boolean incidents;
  private final SplittableRandom random = new SplittableRandom(7);

  private SyntheticRun(boolean incidents) {
    this.incidents = incidents;
  }

  /** Writes a run with faults, a failover and reads into {@code dir}. */
  static Path withIncidents(Path dir) throws IOException {
    return new SyntheticRun(true).write(dir);
  }

  /** Writes a plain run (no faults, failovers or reads) into {@code dir}. */
  static Path plain(Path dir) throws IOException {
    return new SyntheticRun(false).write(dir);
  }

  private Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    RunResult result = new RunResult(summary(), samples(), events(), latency(), messages());
    OutputWriter.write(dir, TestRuns.scenario(), result);
    if (incidents) {
      StringBuilder reads = new StringBuilder("t_since_commit_ms,node,metric,value\n");
      for (String f : FOLLOWERS) {
        double delay = 20 + 10 * FOLLOWERS.indexOf(f);
        for (int t = 0; t <= 200; t += 5) {
          double p = 1 / (1 + Math.exp((t - delay) / 4.0));
          reads.append(t).append(',').append(f).append(",stale_read_probability,")
              .append(String.format(Locale.ROOT, "%.4f", p)).append('\n');
        }
      }
      Files.writeString(dir.resolve(RunFiles.READS), reads);
    }
    return dir;
  }

  private Summary summary() {
    Map<String, Summary.FollowerLag> lag = new LinkedHashMap<>();
    for (String f : FOLLOWERS) {
      double p50 = 30 + 5 * FOLLOWERS.indexOf(f);
      lag.put(f, new Summary.FollowerLag(stats(4000, p50), stats(4000, p50 - 1), stats(4000, p50 - 0.5),
          25 + FOLLOWERS.indexOf(f), 2900, 4000));
    }
    return new Summary(
        new Summary.ScenarioInfo("synthetic", "simulations/synthetic.conf", 42, 20_000),
        new Summary.ClusterInfo(NODES, incidents ? "follower-1" : "leader", "logical", "async"),
        new Summary.Writes(4000, 4000, 0, incidents ? 3 : 0, 0),
        new LatencyStats(4000, 0.2, 0.12, 0.2, 1.2, 14.3),
        lag,
        incidents ? new Summary.Reads(5000, 140, 2, 1, 0) : Summary.Reads.NONE,
        incidents ? List.of(new Summary.Failover(FAILOVER_MS, "leader", "follower-1", 2, 450, 520, 3)) : List.of(),
        List.of(),
        new Summary.Convergence(true, List.of(), List.of(), List.of()),
        new Summary.NetworkStats(12_000, 11_900, incidents ? 100 : 0, 0, 1_500_000,
            new LatencyStats(11_900, 0.1, 0.1, 0.3, 2.5, 11)),
        new Summary.Throughput(199.8, 199.6),
        new Summary.Run(1800, 20_000, 40, true, 250_000_000), Summary.Replication.NONE,
        incidents ? new Summary.FailoverStats("election", false, 1, 0, 17, 2, 350) : Summary.FailoverStats.NONE,
        null);
  }

  private static LatencyStats stats(long count, double p50) {
    return new LatencyStats(count, p50, p50, p50 * 1.2, p50 * 1.4, p50 * 2);
  }

  private boolean down(double t) {
    return incidents && t >= CRASH_MS && t < FAILOVER_MS;
  }

  private List<Sample> samples() {
    List<Sample> rows = new ArrayList<>();
    long lsn = 0;
    long[] applied = new long[FOLLOWERS.size()];
    for (int t = 100; t <= 20_000; t += 100) {
      long writes = down(t) ? 0 : 18 + random.nextInt(5);
      lsn += writes;
      rows.add(new Sample(t, "leader", "last_lsn", lsn));
      rows.add(new Sample(t, "leader", "writes_per_s", writes * 10));
      if (writes > 0) {
        rows.add(new Sample(t, "leader", "commit_latency_p50_ms", 0.1 + random.nextDouble() * 0.05));
        rows.add(new Sample(t, "leader", "commit_latency_p99_ms", 0.8 + random.nextDouble()));
      }
      for (int i = 0; i < FOLLOWERS.size(); i++) {
        String f = FOLLOWERS.get(i);
        boolean cut = incidents && i == 2 && t >= 16_000 && t < 17_000;
        long behind = cut ? lsn - applied[i] + writes : 3 + random.nextInt(4);
        applied[i] = Math.max(applied[i], lsn - behind);
        double lag = cut ? t - 16_000 + 30 : 25 + 5 * i + 10 * Math.sin(t / 700.0 + i) + random.nextDouble() * 4;
        rows.add(new Sample(t, f, "applied_lsn", applied[i]));
        rows.add(new Sample(t, f, "entries_behind", lsn - applied[i]));
        rows.add(new Sample(t, f, "apply_lag_ms", Math.max(0, lag)));
      }
    }
    return rows;
  }

  private List<RunEvent> events() {
    List<RunEvent> events = new ArrayList<>();
    for (String n : NODES) {
      events.add(new RunEvent(0, "role", n, RunEvent.details("role", n.equals("leader") ? "leader" : "follower",
          "term", 1)));
    }
    if (incidents) {
      events.add(new RunEvent(CRASH_MS, "fault", "leader", RunEvent.details("fault", "crash", "id", 1)));
      events.add(new RunEvent(FAILOVER_MS, "role", "follower-1", RunEvent.details("role", "leader", "term", 2)));
      events.add(new RunEvent(HEAL_MS, "heal", "leader", RunEvent.details("fault", "crash", "id", 1)));
      events.add(new RunEvent(16_000, "fault", null,
          RunEvent.details("fault", "partition", "id", 2, "nodes", List.of("follower-3"))));
      events.add(new RunEvent(16_400, "gap-detected", "follower-3",
          RunEvent.details("expectedLsn", 3101, "receivedLsn", 3105)));
      events.add(new RunEvent(17_000, "heal", null, RunEvent.details("fault", "partition", "id", 2)));
    }
    events.add(new RunEvent(20_000, "writes-stopped", null, Map.of()));
    return events;
  }

  private List<LatencyPoint> latency() {
    List<LatencyPoint> points = new ArrayList<>();
    double[] percentiles = {0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};
    double[] commit = {0.04, 0.07, 0.09, 0.12, 0.15, 0.2, 0.3, 1.2, 6, 14.3};
    for (int i = 0; i < percentiles.length; i++) {
      points.add(new LatencyPoint("commit_latency", "leader", commit[i], percentiles[i]));
    }
    for (String f : FOLLOWERS) {
      double base = 20 + 5 * FOLLOWERS.indexOf(f);
      for (int i = 0; i < percentiles.length; i++) {
        points.add(new LatencyPoint("apply_lag", f, base + percentiles[i] / 4 + (i == 9 ? 30 : 0), percentiles[i]));
      }
    }
    return points;
  }

  /** The first two seconds, and the two seconds around the crash, as a run traces them. */
  private List<TracedMessage> messages() {
    List<TracedMessage> list = new ArrayList<>();
    trace(list, 0, 2000);
    if (incidents) {
      trace(list, CRASH_MS - 1000, CRASH_MS + 1000);
    }
    return list;
  }

  private void trace(List<TracedMessage> list, double from, double to) {
    long lsn = (long) (from / 5);
    for (double t = from; t < to; t += 5) {
      lsn++;
      String leader = incidents && t >= FAILOVER_MS ? "follower-1" : "leader";
      for (String f : NODES) {
        if (f.equals(leader)) {
          continue;
        }
        double transit = 20 + random.nextDouble() * 20;
        boolean dropped = down(t) && !f.equals("leader");
        list.add(new TracedMessage(t, dropped ? Double.NaN : t + transit, leader, f, "AppendEntries", lsn, lsn,
            156, dropped));
        if (!dropped && !(down(t + transit) && leader.equals("leader"))) {
          list.add(new TracedMessage(t + transit + 0.2, t + 2 * transit + 0.2, f, leader, "Ack", TracedMessage.NO_LSN,
              lsn, 88, false));
        }
        if (((long) t) % 50 == 0) {
          list.add(new TracedMessage(t + 1, t + 1 + transit, leader, f, "Heartbeat", TracedMessage.NO_LSN, lsn, 40,
              false));
        }
      }
    }
    list.sort((a, b) -> Double.compare(a.sentMs(), b.sentMs()));
  }
}
