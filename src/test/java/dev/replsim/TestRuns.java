package dev.replsim;

import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Sample;
import dev.replsim.metrics.Summary;
import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.network.LinkPatch;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import dev.replsim.scenario.ClusterSettings;
import dev.replsim.scenario.FailoverSettings;
import dev.replsim.scenario.LinkSettings;
import dev.replsim.scenario.NetworkSettings;
import dev.replsim.scenario.OutputSettings;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.ReportSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.SimulationSettings;
import dev.replsim.scenario.WorkloadSettings;
import dev.replsim.metrics.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small scenario and a canned result of running it, built by hand so tests need no loader or cluster. */
public final class TestRuns {

  private TestRuns() {}

  /** Three nodes, semi-sync, one slow link, writing into {@code outputDir} (empty for the default). */
  public static Scenario scenario(String outputDir) {
    return new Scenario(
        Path.of("simulations/lag-demo.conf"),
        new SimulationSettings("lag-demo", 42, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(5)),
        new ClusterSettings(
            List.of("leader", "follower-1", "follower-2"),
            new ReplicationSettings(ReplicationMethod.LOGICAL, CommitMode.SEMI_SYNC, 1, AckLevel.APPLIED,
                Duration.ofSeconds(1), 100, 100_000),
            "memory",
            new Distribution.Constant(0),
            java.util.Map.of(), dev.replsim.scenario.StorageSettings.DEFAULT),
        new NetworkSettings(LinkProfile.of(new Distribution.Uniform(20_000, 40_000)),
            List.of(new LinkSettings("leader", "follower-2", LinkPatch.delay(new Distribution.Constant(80_000))))),
        new WorkloadSettings(4, 200, WorkloadSettings.Arrival.POISSON, 1000,
            WorkloadSettings.KeyDistribution.UNIFORM, 0.99, 64, 100, Duration.ofSeconds(5), dev.replsim.scenario.StatementMix.SET_ONLY),
        new FailoverSettings(Duration.ofMillis(50)),
        List.of(),
        new OutputSettings(outputDir),
        ReportSettings.DEFAULT,
        "simulation {\n  name = \"lag-demo\"\n  seed = 42\n}\n",
        List.of());
  }

  public static Scenario scenario() {
    return scenario("");
  }

  /** What a run of {@link #scenario()} might have measured, with one failover and one divergent node. */
  public static RunResult result() {
    Map<String, Summary.FollowerLag> lag = new LinkedHashMap<>();
    lag.put("follower-1", new Summary.FollowerLag(stats(30.5), stats(29.0), stats(29.5), 12, 1536, 3998));
    lag.put("follower-2", new Summary.FollowerLag(stats(81.25), stats(80.0), stats(80.5), 40, 5120, 3990));
    Summary summary = new Summary(
        new Summary.ScenarioInfo("lag-demo", "simulations/lag-demo.conf", 42, 20_000),
        new Summary.ClusterInfo(List.of("leader", "follower-1", "follower-2"), "leader", "logical", "semi-sync"),
        new Summary.Writes(4000, 3998, 2, 0, 3),
        new LatencyStats(3998, 61.2, 60.5, 75.0, 79.9, 1012.5),
        lag,
        Summary.Reads.NONE,
        List.of(new Summary.Failover(10_500.25, "leader", "follower-1", 2, 450.0, 900.5, 0)),
        List.of(new Summary.FaultRecord("p1", "partition", List.of("leader", "follower-2"), 5000.0, 8000.0)),
        new Summary.Convergence(false, List.of("follower-2"), List.of(), List.of()),
        new Summary.NetworkStats(8100, 8090, 10, 0, 12_345_678_901L, new LatencyStats(8090, 0.1, 0.1, 0.2, 0.3, 2.0)),
        new Summary.Throughput(199.9, 199.5),
        new Summary.Run(1200.0, 20_000.0, 350.0, true, 123_456_789L));
    List<Sample> samples = List.of(
        new Sample(100.0, "follower-1", "apply_lag_ms", 30.25),
        new Sample(100.0, "follower-2", "entries_behind", 12),
        new Sample(200.0, "leader", "writes_per_sec", 12_345_678.5));
    List<RunEvent> events = List.of(
        new RunEvent(10_000.0, "crash", "leader", Map.of("reason", "fault schedule")),
        new RunEvent(10_500.25, "leader-elected", "follower-1", Map.of("term", 2)),
        new RunEvent(15_000.5, "divergence", null, Map.of("nodes", List.of("follower-2"))));
    return new RunResult(summary, samples, events);
  }

  private static LatencyStats stats(double p50) {
    return new LatencyStats(4000, p50, p50, p50 * 1.2, p50 * 1.5, p50 * 2);
  }
}
