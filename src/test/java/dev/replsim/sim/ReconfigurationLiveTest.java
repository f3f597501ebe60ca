package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.Operation;
import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A commit fault on a real cluster: the same {@code NodeFault} reaches the node actors as it
 * reaches the virtual nodes. One short run; the virtual tests check the rest exactly.
 */
class ReconfigurationLiveTest {

  @Test
  void afterASwitchFromAsyncToSyncLiveCommitsWaitForTheRoundTrip() throws Exception {
    String text = String.join("\n",
        "simulation { name = live-reconfiguration, seed = 7, duration = 3s, time = live, warm-up = 0s }",
        "cluster { followers = 2, replication { method = logical, mode = async, ack-level = applied } }",
        "network.delay = { distribution = constant, value = 40ms }",
        "workload { clients = 2, write-rate = 100, read-rate = 1 }",
        "faults = [ { at = 1500ms, action = commit, mode = sync } ]");
    RunResult result = LiveRun.run(ScenarioLoader.load("live.conf", text, List.of()), RunListener.SILENT);

    List<Operation> writes = result.history().stream().filter(o -> o.isWrite() && o.ok()).toList();
    List<Operation> before = writes.stream().filter(w -> w.completeMicros() < 1_400_000).toList();
    List<Operation> after = writes.stream().filter(w -> w.invokeMicros() > 1_600_000).toList();
    assertTrue(before.size() > 50 && after.size() > 50, before.size() + " and " + after.size());
    long fastBefore = before.stream().filter(w -> w.completeMicros() - w.invokeMicros() < 40_000).count();
    assertTrue(fastBefore > before.size() * 0.9, fastBefore + " of " + before.size() + " async commits took < 40 ms");
    after.forEach(w -> assertTrue(w.completeMicros() - w.invokeMicros() >= 80_000, "sync waits 2 x 40 ms: " + w));
    assertEquals(result.summary().writes().attempted(), result.summary().writes().acknowledged());
  }
}
