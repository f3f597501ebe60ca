package dev.replsim.sim;

import dev.replsim.metrics.RunResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.Operation;
import dev.replsim.metrics.ClientHistory;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover on a real cluster: what each commit mode loses when the leader crashes, counted
 * against the final leader's log, and what fencing prevents. Delays are long (50 to 100 ms) so
 * that the effects are many writes wide, and bounds are generous: these runs share two cores.
 */
class FailoverLiveTest {

  @TempDir Path dir;

  private RunResult run(String name, String... lines) throws IOException, RunFailedException {
    Path file = dir.resolve(name + ".conf");
    Files.writeString(file, "simulation { name = " + name + ", duration = 5s, sample-interval = 100ms }\n"
        + "failover { strategy = election, timeout = 300ms }\n"
        + String.join("\n", lines) + "\n");
    return LiveRun.run(ScenarioLoader.load(file), RunListener.SILENT);
  }

  /** The {@code lastLsn} with which the first new leader won its election. */
  private static long electedWithLastLsn(RunResult r) {
    return r.events().stream()
        .filter(e -> e.type().equals("role") && e.tMs() > 0 && "leader".equals(e.details().get("role")))
        .map(e -> ((Number) e.details().get("lastLsn")).longValue())
        .findFirst().orElseThrow(() -> new AssertionError("no election: " + r.events()));
  }

  @Test
  void asyncLosesExactlyTheAcknowledgedWritesOnlyTheOldLeaderHeld() throws Exception {
    RunResult r = run("async-crash",
        "cluster { followers = 3, replication.mode = async }",
        "network.delay = { distribution = constant, value = 100ms }",
        "workload { write-rate = 500, clients = 4 }",
        "failover.timeout = 1s", // well above a pre-vote and a vote, two round trips of 200 ms
        "check.linearizable = true", // to keep the clients' history: every write's term and LSN
        "faults = [ { at = 2s, action = crash, node = leader } ]");
    Summary s = r.summary();

    assertEquals(1, s.failovers().size(), "one failover: " + s.failovers());
    long elected = electedWithLastLsn(r);
    // acknowledged writes of term 1 past the new leader's log: on no follower when the leader died
    long onlyOldLeader = r.history().stream()
        .filter(o -> o.kind() == Operation.Kind.WRITE && o.outcome() == Operation.Outcome.OK
            && o.lsn() < ClientHistory.runWideLsn(2, 1) && o.lsn() > elected)
        .count();
    assertTrue(onlyOldLeader > 10, "about 100 ms of writes at 500/s were on their way: " + onlyOldLeader);
    assertEquals(onlyOldLeader, s.writes().lost(), "lost writes are counted exactly");
    assertEquals(onlyOldLeader, s.failovers().get(0).lostWrites());
    assertTrue(r.events().stream().anyMatch(e -> e.type().equals("lost-writes")));
    assertTrue(s.failovers().get(0).unavailableMs() != null && s.failovers().get(0).unavailableMs() > 300,
        "no write committed from the crash to the new leader's first: " + s.failovers().get(0));
    assertTrue(s.convergence().converged(), "the survivors follow the new leader: " + s.convergence());
  }

  @Test
  void syncLosesNothing() throws Exception {
    // sync waits for every follower: the crashed old leader restarts so that writes commit again
    Summary s = run("sync-crash",
        "cluster { followers = 3, replication.mode = sync }",
        "network.delay = { distribution = constant, value = 50ms }",
        "workload { write-rate = 300, clients = 4 }",
        "failover.timeout = 600ms", // well above an election's two round trips of 100 ms
        "faults = [ { at = 1500ms, action = crash, node = leader }, { at = 3s, action = restart, node = leader } ]")
        .summary();

    // a stalled JVM on a loaded machine may cost a lease and an extra election: what counts is the first
    assertFalse(s.failovers().isEmpty(), "a failover");
    assertEquals("crash", s.failovers().get(0).cause(), s.failovers().toString());
    assertEquals(0, s.writes().lost(), "every acknowledged write was on every follower");
    assertTrue(s.writes().acknowledged() > 500, "writes went on after the failover: " + s.writes());
    assertTrue(s.convergence().converged(), s.convergence().toString());
  }

  /**
   * Five nodes; follower-1 is 1 ms from the leader, the others 50 ms. At 2 s the leader crashes
   * and follower-1 is cut off at once: with acks = 1 the last writes were on follower-1 alone; with
   * acks = 2 = ⌈5/2⌉ − 1 each was also on one of the others, and every majority left holds it.
   */
  private Summary semiSync(int acks) throws Exception {
    return run("semi-sync-" + acks,
        "cluster { followers = 4, replication { mode = semi-sync, acks = " + acks + ", timeout = 30s } }",
        "network.delay = { distribution = constant, value = 50ms }",
        "network.links = [ { from = leader, to = follower-1, delay = { distribution = constant, value = 1ms } },"
            + " { from = follower-1, to = leader, delay = { distribution = constant, value = 1ms } } ]",
        "workload { write-rate = 400, clients = 4 }",
        "failover.timeout = 600ms",
        "faults = [ { at = 2s, action = crash, node = leader },"
            + " { at = 2s, action = partition, isolate = follower-1 } ]")
        .summary();
  }

  @Test
  void semiSyncAfterSyncLosesNoWriteWithAcksOfAtLeastHalfTheNodesLessOne() throws Exception {
    Summary two = semiSync(2);
    assertFalse(two.failovers().isEmpty(), "a failover");
    assertEquals(0, two.writes().lost(), "with acks = 2 of 5 nodes a majority always holds the write");

    Summary one = semiSync(1);
    assertFalse(one.failovers().isEmpty(), "a failover");
    assertTrue(one.writes().lost() > 0, "with acks = 1 the writes only follower-1 held are lost: " + one.writes());
  }

  @Test
  void withoutFencingACutOffLeaderGoesOnWritingBesideTheNewOne() throws Exception {
    String[] scenario = {
        "cluster { followers = 2, replication.mode = async }",
        "network.delay = { distribution = constant, value = 50ms }", // a vote takes two 100 ms round trips: the lease runs out well before
        "workload { write-rate = 200, clients = 2 }",
        "faults = [ { at = 1s, action = partition, isolate = leader, duration = 2s } ]"};
    RunResult unfenced = run("split-brain", append(scenario, "failover.fencing = false"));
    Summary.FailoverStats f = unfenced.summary().failover();
    assertEquals(2, f.maxLeaders(), "two leaders at once: " + f);
    assertTrue(f.conflictingWrites() > 0, "both took writes: " + f);
    assertTrue(f.multipleLeadersMs() > 500, f.toString());

    RunResult fenced = run("fenced", scenario);
    Summary.FailoverStats g = fenced.summary().failover();
    assertEquals(1, g.maxLeaders(), "the old leader's lease ran out before another won: " + g);
    assertEquals(0, g.conflictingWrites(), g.toString());
    assertTrue(fenced.events().stream().map(RunEvent::type).anyMatch("lease-expired"::equals));
    assertTrue(fenced.summary().convergence().converged(), fenced.summary().convergence().toString());
    assertFalse(fenced.summary().failovers().isEmpty());
  }

  private static String[] append(String[] lines, String line) {
    List<String> all = new java.util.ArrayList<>(List.of(lines));
    all.add(line);
    return all.toArray(String[]::new);
  }
}
