package dev.replsim.scenario;

import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.random.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * TEMPORARY STUB so the CLI compiles while the real loader is written on its own branch; it
 * ignores the file's contents and the overrides and returns the documented defaults. Dropped when
 * the branches merge.
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  public static Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  public static Scenario load(Path file, List<Override> overrides) throws ScenarioException {
    try {
      return scenario(file, Files.readString(file));
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage(), e);
    }
  }

  public static Scenario defaults() throws ScenarioException {
    return scenario(Path.of("conf/replsim.conf"), "");
  }

  private static Scenario scenario(Path file, String config) {
    return new Scenario(
        file,
        new SimulationSettings("unnamed", 1, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(5)),
        new ClusterSettings(
            List.of("leader", "follower-1", "follower-2", "follower-3"),
            new ReplicationSettings(
                ReplicationMethod.LOGICAL, CommitMode.ASYNC, 1, AckLevel.APPLIED, Duration.ofSeconds(1), 100, 100_000),
            "memory",
            new Distribution.Constant(0)),
        new NetworkSettings(new Distribution.Uniform(20_000, 40_000), List.of()),
        new WorkloadSettings(4, 200, WorkloadSettings.Arrival.POISSON, 1000,
            WorkloadSettings.KeyDistribution.UNIFORM, 0.99, 64, 100),
        new FailoverSettings(Duration.ofMillis(50)),
        new OutputSettings(""),
        config);
  }
}
