package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.Operation;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The commit rule and the replication method changed mid-run by {@code commit} and {@code method}
 * faults, in virtual time: commits wait by the new rule from the instant of the switch (waiting
 * writes included), new entries are captured by the new method, and nodes that lead or start later
 * take the setting in force.
 */
class ReconfigurationVirtualTest {

  /** sync-vs-async.conf's cluster: 3 followers, 40 ms one way on every link, apply time 0, 10 s of writes. */
  private static Scenario scenario(String replication, String failover, String... faults) {
    return scenarioWith("", replication, failover, faults);
  }

  /** @param extra more HOCON lines over the base */
  private static Scenario scenarioWith(String extra, String replication, String failover, String... faults) {
    String text = String.join("\n",
        "simulation { name = reconfiguration, seed = 7, duration = 10s, time = virtual }",
        "cluster { followers = 3, replication { method = logical, " + replication + ", ack-level = applied } }",
        "network.delay = { distribution = constant, value = 40ms }",
        "workload { clients = 4, write-rate = 200, arrival = poisson, read-rate = 1 }",
        "failover { " + failover + " }",
        "faults = [ " + String.join(", ", faults) + " ]", extra);
    return ScenarioLoader.load("reconfiguration.conf", text, List.<SettingOverride>of());
  }

  private static RunResult run(Scenario scenario) throws RunFailedException {
    return VirtualRun.run(scenario, RunListener.SILENT);
  }

  /** The acknowledged writes sent at an instant {@code sent} accepts. */
  private static List<Operation> writes(RunResult result, LongPredicate sent) {
    return result.history().stream().filter(o -> o.isWrite() && o.ok() && sent.test(o.invokeMicros())).toList();
  }

  private static long latency(Operation o) {
    return o.completeMicros() - o.invokeMicros();
  }

  private static RunEvent fault(RunResult result, String action) {
    return result.events().stream().filter(e -> e.type().equals("fault") && action.equals(e.details().get("action")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + action + " fault in " + result.events()));
  }

  @Test
  void afterASwitchFromAsyncToSyncEveryCommitWaitsAFullRoundTrip() throws Exception {
    RunResult result = run(scenario("mode = async", "strategy = none",
        "{ at = 5s, action = commit, mode = sync }"));

    List<Operation> before = writes(result, t -> t < 5_000_000);
    List<Operation> after = writes(result, t -> t > 5_000_000);
    assertTrue(before.size() > 500 && after.size() > 500, before.size() + " and " + after.size());
    before.forEach(w -> assertEquals(0, latency(w), "async answers at once: " + w));
    after.forEach(w -> assertEquals(80_000, latency(w), "40 ms out, applied at once, 40 ms back: " + w));
    RunEvent event = fault(result, "commit");
    assertEquals("sync", event.details().get("mode"));
    assertEquals(List.of("leader", "follower-1", "follower-2", "follower-3"), event.details().get("nodes"));
    assertEquals(0, result.summary().failovers().size(), "a reconfiguration strikes no node");
  }

  @Test
  void aSwitchFromSyncToAsyncReleasesTheWaitingWritesAtThatInstant() throws Exception {
    RunResult result = run(scenario("mode = sync", "strategy = none",
        "{ at = 5s, action = commit, mode = async }"));

    List<Operation> waiting = writes(result, t -> t > 4_920_000 && t < 5_000_000);
    assertFalse(waiting.isEmpty());
    waiting.forEach(w -> assertEquals(5_000_000, w.completeMicros(), "released by the switch: " + w));
    writes(result, t -> t < 4_920_000).forEach(w -> assertEquals(80_000, latency(w), w.toString()));
    writes(result, t -> t > 5_000_000).forEach(w -> assertEquals(0, latency(w), w.toString()));
    assertEquals(0, result.summary().writes().fallbacks(), "committed by the rule in force, not fallbacks");
  }

  @Test
  void aLeaderRestartedAfterTheSwitchStartsWithTheNewRule() throws Exception {
    // the leader is down when the rule changes: only the factory can give its next incarnation sync
    RunResult result = run(scenario("mode = async", "strategy = none",
        "{ at = 3s, action = crash, node = leader }", "{ at = 4s, action = commit, mode = sync }",
        "{ at = 5s, action = restart, node = leader }"));

    assertEquals(List.of("follower-1", "follower-2", "follower-3"), fault(result, "commit").details().get("nodes"));
    List<Operation> after = writes(result, t -> t > 5_000_000);
    assertTrue(after.size() > 500, after.size() + " writes after the restart");
    after.forEach(w -> assertTrue(latency(w) >= 80_000, "waits for every follower: " + w));
  }

  @Test
  void aFollowerElectedAfterTheSwitchLeadsByTheNewRule() throws Exception {
    RunResult result = run(scenario("mode = async, acks = 1, timeout = 10s", "strategy = election",
        "{ at = 2s, action = commit, mode = semi-sync }", "{ at = 4s, action = crash, node = leader }"));

    assertEquals(1, result.summary().failovers().size());
    long electedAt = Math.round(result.summary().failovers().get(0).atMs() * 1000) + 1_000_000;
    List<Operation> after = writes(result, t -> t > electedAt);
    assertTrue(after.size() > 500, after.size() + " writes under the new leader");
    after.forEach(w -> assertTrue(latency(w) >= 80_000, "waits for one follower's ack: " + w));
  }

  @Test
  void switchingFromLogicalToStatementLetsNondeterministicWritesDivergeTheReplicas() throws Exception {
    String mix = "workload.statements { set = 0.67, set-now = 0.11, set-rand = 0.11, set-uuid = 0.11 }\nworkload.read-rate = 0";
    RunResult stays = run(scenarioWith(mix, "mode = async", "strategy = none",
        "{ at = 5s, action = method, method = mixed }"));
    RunResult switched = run(scenarioWith(mix, "mode = async", "strategy = none",
        "{ at = 5s, action = method, method = statement }"));

    assertTrue(stays.summary().convergence().converged(), "mixed ships nondeterministic writes as row images");
    assertFalse(switched.summary().convergence().converged(), "each follower draws its own after the switch");
    assertEquals("statement", fault(switched, "method").details().get("method"));
    assertEquals("logical", switched.summary().cluster().method(), "the summary keeps the initial method");
  }

  @Test
  void aSwitchToWalShipsPagesAndTheReplicasConverge() throws Exception {
    Scenario scenario = scenario("mode = async", "strategy = none", "{ at = 5s, action = method, method = wal }");
    assertTrue(scenario.keepsPages(), "every node keeps pages from the start");

    RunResult result = run(scenario);

    assertTrue(result.summary().convergence().converged(), result.summary().convergence().toString());
    assertEquals(result.summary().writes().attempted(), result.summary().writes().acknowledged());
  }
}
