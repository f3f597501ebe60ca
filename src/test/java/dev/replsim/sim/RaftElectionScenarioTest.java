package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.api.Result;
import dev.replsim.api.Simulation;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.metrics.Summary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code simulations/raft-election.conf}, cut to 20 s (ten trials), in virtual time: each crash
 * of the current leader is one failover whose downtime is exact, the restarted node rejoins, and
 * the next trial crashes the leader that replaced it.
 */
class RaftElectionScenarioTest {

  @Test
  void eachTrialRecordsItsCrashAndTheTimeUntilANewLeaderWon() {
    Simulation sim = Simulation.load(Path.of("simulations/raft-election.conf")).duration(Duration.ofSeconds(20));
    List<ScheduledFault> crashes = sim.scenario().faults();
    Result r = sim.run();
    List<Summary.Failover> failovers = r.summary().failovers();

    assertEquals(10, crashes.size(), "a crash every 2 s from 1 s");
    assertEquals(10, failovers.size(), "one failover per crash: " + failovers);
    String leader = "leader";
    for (int i = 0; i < failovers.size(); i++) {
      Summary.Failover f = failovers.get(i);
      assertEquals("crash", f.cause());
      assertEquals(crashes.get(i).atMicros() / 1000.0, f.faultAtMs(), 1e-9, "the fault's own instant");
      assertEquals(leader, f.oldLeader(), "trial " + i + " crashed the leader the last trial elected");
      assertEquals(f.atMs() - f.faultAtMs(), f.downtimeMs(), 1e-6, "downtime = atMs - faultAtMs");
      // the crash strikes < 75 ms (a heartbeat interval) after the last heartbeat, which arrives
      // >= 5 ms later; a follower waits >= 150 ms, and asking for votes takes a round trip >= 10 ms
      assertTrue(f.downtimeMs() > 150 - 75 + 5 + 10 && f.downtimeMs() < 1000,
          "trial " + i + ": " + f.downtimeMs() + " ms without a leader");
      assertTrue(!f.needless());
      leader = f.newLeader();
    }
    assertTrue(r.events().stream().filter(e -> e.type().equals("node-up")).count() >= 9,
        "each crashed leader came back a second later");
  }
}
