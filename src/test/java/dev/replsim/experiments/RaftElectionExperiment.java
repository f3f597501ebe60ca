package dev.replsim.experiments;

import dev.replsim.api.Result;
import dev.replsim.api.Simulation;
import dev.replsim.metrics.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The figures of docs/experiments.md: {@code simulations/raft-election.conf} over the Raft paper's
 * election-timeout ranges (Figure 16), ten seeds each, through the Java API in virtual time; per
 * range the downtime of every trial (the crash to the new leader's win) as percentiles and the
 * share over thresholds. Not a test (the suite does not run it); run it by hand:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.replsim.experiments.RaftElectionExperiment [seeds] [threads] [min-max ...]
 * </pre>
 */
public final class RaftElectionExperiment {

  /** The paper's ranges, in milliseconds: the top graph, then the bottom one's others. */
  static final List<String> RANGES = List.of("150-150", "150-151", "150-155", "150-175", "150-200", "150-300",
      "12-24", "25-50", "50-100", "100-200");

  private RaftElectionExperiment() {}

  public static void main(String[] args) throws Exception {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<String> ranges = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : RANGES;
    Simulation base = Simulation.load(Path.of("simulations/raft-election.conf")).virtual();
    String delay = System.getProperty("delay"); // e.g. -Ddelay='{ distribution = uniform, min = 500us, max = 1ms }'
    if (delay != null) {
      base = base.set("network.delay", delay);
      System.out.println("network.delay = " + delay);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    System.out.println("| range (ms) | trials | unfinished | skipped | mean | median | p90 | p99 | max | > 300 ms | > 500 ms | > 1 s"
        + " | > 10 s | needless | wall s |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (String range : ranges) {
      String[] mm = range.split("-");
      Simulation s = base.set("failover.timeout", "{ min = " + mm[0] + "ms, max = " + mm[1] + "ms }");
      long t0 = System.nanoTime();
      List<Future<Result>> runs = new ArrayList<>();
      for (int seed = 1; seed <= seeds; seed++) {
        Simulation seeded = s.seed(seed);
        runs.add(pool.submit(seeded::run));
      }
      List<Double> downtimes = new ArrayList<>();
      int skipped = 0;
      int needless = 0;
      int unfinished = 0;
      for (Future<Result> run : runs) {
        Result r = run.get();
        for (Summary.Failover f : r.summary().failovers()) {
          if (f.needless()) {
            needless++;
          } else if ("crash".equals(f.cause()) && f.downtimeMs() != null) {
            downtimes.add(f.downtimeMs());
          }
        }
        skipped += (int) r.events().stream().filter(e -> e.type().equals("fault-skipped")).count();
        unfinished += unfinished(r);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.println(row(range, downtimes, unfinished, skipped, needless, wall));
    }
    pool.shutdownNow();
    System.out.printf(Locale.ROOT, "total wall time %.1f s on %d threads%n", (System.nanoTime() - started) / 1e9,
        threads);
  }

  /**
   * 1 if the run ended without a leader after its last trial's crash. A crash while no node leads
   * (an election outlasting its slot) strikes the restarted old leader, a follower that does not
   * vote until it has caught up: it starts no trial of its own.
   */
  private static int unfinished(Result r) {
    List<Summary.Failover> f = r.summary().failovers();
    double lastWin = f.isEmpty() ? Double.NEGATIVE_INFINITY : f.get(f.size() - 1).atMs();
    return r.events().stream().anyMatch(e -> e.type().equals("fault") && e.tMs() > lastWin) ? 1 : 0;
  }

  private static String row(String range, List<Double> d, int unfinished, int skipped, int needless, double wall) {
    double[] v = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return String.format(Locale.ROOT, "| %s | 0 | %d | %d | no election finished | | | | | | | | | %d | %.1f |",
          range.replace("-", "–"), unfinished, skipped, needless, wall);
    }
    return String.format(Locale.ROOT,
        "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %d | %.1f |",
        range.replace("-", "–"), v.length, unfinished, skipped, Arrays.stream(v).average().orElse(0), pct(v, 50), pct(v, 90), pct(v, 99), v[v.length - 1],
        over(v, 300), over(v, 500), over(v, 1000), over(v, 10_000), needless, wall);
  }

  /** The nearest-rank percentile. */
  static double pct(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static String over(double[] v, double ms) {
    long n = Arrays.stream(v).filter(x -> x > ms).count();
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * n / v.length);
  }
}
