package dev.replsim.sim;

import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import dev.replsim.scenario.ClusterSettings;
import dev.replsim.scenario.FailoverSettings;
import dev.replsim.scenario.NetworkSettings;
import dev.replsim.scenario.OutputSettings;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.ReportSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.SimulationSettings;
import dev.replsim.scenario.WarmUp;
import dev.replsim.scenario.WorkloadSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scenarios built in code for driver tests, without going through a file. */
public final class TestScenarios {

  private TestScenarios() {}

  /** A leader and {@code followers} followers, a constant delay on every link, async by default. */
  public static Scenario constantDelay(int followers, Duration delay, CommitMode mode, double writeRate,
      Duration duration) {
    return constantDelay(followers, delay, mode, writeRate, duration, WarmUp.AUTO);
  }

  /** The same, with the warm-up given. */
  public static Scenario constantDelay(int followers, Duration delay, CommitMode mode, double writeRate,
      Duration duration, WarmUp warmUp) {
    List<String> nodes = new ArrayList<>();
    nodes.add("leader");
    for (int i = 1; i <= followers; i++) {
      nodes.add("follower-" + i);
    }
    return new Scenario(
        Path.of("test.conf"),
        new SimulationSettings("test", 42, duration, Duration.ofMillis(100), Duration.ofSeconds(5), warmUp),
        new ClusterSettings(nodes,
            new ReplicationSettings(ReplicationMethod.LOGICAL, mode, 1, AckLevel.APPLIED, Duration.ofSeconds(1), 100,
                100_000),
            "memory", new Distribution.Constant(0), java.util.Map.of(), dev.replsim.scenario.StorageSettings.DEFAULT),
        new NetworkSettings(LinkProfile.of(new Distribution.Constant(delay.toNanos() / 1000)), List.of()),
        new WorkloadSettings(4, writeRate, WorkloadSettings.Arrival.POISSON, 1000,
            WorkloadSettings.KeyDistribution.UNIFORM, 0.99, 64, 100, Duration.ofSeconds(5), dev.replsim.scenario.StatementMix.SET_ONLY),
        new FailoverSettings(Duration.ofMillis(50)),
        List.of(),
        new OutputSettings(""),
        ReportSettings.DEFAULT,
        "",
        List.of());
  }
}
