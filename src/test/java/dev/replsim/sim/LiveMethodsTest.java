package dev.replsim.sim;

import dev.replsim.metrics.RunResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit semantics and replication methods on a real cluster, with generous bounds: the exact
 * figures are the protocol harness's; here the lower bounds are exact (nothing arrives before
 * its link delay), the upper ones leave room for a loaded machine.
 */
class LiveMethodsTest {

  @TempDir Path dir;

  private Scenario load(String... lines) throws Exception {
    Path file = Files.writeString(dir.resolve("s.conf"), String.join("\n", lines) + "\n");
    return ScenarioLoader.load(file);
  }

  @Test
  void firstOneWaitsForTheFirstStandbyInTheListThoughTheOthersAreFaster() throws Exception {
    Scenario s = load(
        "simulation { duration = 2s, sample-interval = 100ms }",
        "cluster.replication { mode = semi-sync, quorum = first, acks = 1,"
            + " standbys = [follower-3, follower-1, follower-2], timeout = 5s }",
        "network.delay = { distribution = constant, value = 10ms }",
        "network.links = [",
        "  { from = leader, to = follower-3, delay = { distribution = constant, value = 100ms } }",
        "  { from = follower-3, to = leader, delay = { distribution = constant, value = 100ms } }",
        "]",
        "workload { clients = 2, write-rate = 50 }");

    Summary summary = LiveRun.run(s, RunListener.SILENT).summary();

    assertTrue(summary.commitLatencyMs().p50() >= 200.0, "FIRST 1 waits for follower-3: " + summary.commitLatencyMs());
    assertTrue(summary.commitLatencyMs().p50() < 200.0 + 150, "commit latency " + summary.commitLatencyMs());
    assertEquals(0, summary.writes().fallbacks());
    assertTrue(summary.convergence().converged());
  }

  @Test
  void statementReplicationOfNondeterministicStatementsDivergesAndSaysWhere() throws Exception {
    Scenario s = load(
        "simulation { duration = 1s, sample-interval = 100ms }",
        "cluster { followers = 2, replication.method = statement }",
        "network.delay = { distribution = constant, value = 5ms }",
        "workload { clients = 2, write-rate = 100, keys = 50, statements { set = 0.5, set-uuid = 0.5 } }");

    RunResult result = LiveRun.run(s, RunListener.SILENT);

    Summary summary = result.summary();
    assertFalse(summary.convergence().converged());
    assertEquals(2, summary.convergence().divergentNodes().size());
    assertEquals("statement", summary.replication().method());
    assertTrue(summary.replication().bytesPerWrite() > 0);
    long divergence = result.events().stream().map(RunEvent::type).filter("divergence"::equals).count();
    assertEquals(2, divergence);
  }
}
