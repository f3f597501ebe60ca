package dev.replsim.sim;

import dev.replsim.metrics.RunResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.Summary;
import dev.replsim.protocol.CommitMode;
import dev.replsim.scenario.WarmUp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs short scenarios on a real cluster: one ActorSystem per node, Artery on 127.0.0.1. Timing
 * bounds are generous (a loaded CI machine is slow); the lower bounds are exact, since nothing can
 * arrive before its link delay.
 */
class LiveRunTest {

  @Test
  void asyncRunReplicatesEveryWriteWithLagNoShorterThanTheLinkDelay() throws Exception {
    RunResult result = LiveRun.run(
        TestScenarios.constantDelay(2, Duration.ofMillis(40), CommitMode.ASYNC, 200, Duration.ofSeconds(3)),
        RunListener.SILENT);
    Summary s = result.summary();

    assertTrue(s.writes().attempted() > 300, "writes attempted: " + s.writes());
    assertEquals(s.writes().attempted(), s.writes().acknowledged());
    assertTrue(s.convergence().converged(), "divergent: " + s.convergence().divergentNodes());
    assertEquals(2, s.lag().size());
    for (Summary.FollowerLag lag : s.lag().values()) {
      assertEquals(s.writes().acknowledged(), lag.applyMs().count());
      assertEquals(s.writes().acknowledged(), lag.appliedLsn());
      assertTrue(lag.applyMs().p50() >= 40.0, "apply lag p50 " + lag.applyMs());
      assertTrue(lag.applyMs().p50() < 40.0 + 100, "apply lag p50 " + lag.applyMs());
      assertTrue(lag.receiveMs().p50() <= lag.applyMs().p50());
    }
    assertTrue(s.commitLatencyMs().p50() < 40.0, "async commits before any ack: " + s.commitLatencyMs());
    assertTrue(s.run().drained());
    assertTrue(result.timeseries().stream().anyMatch(r -> r.metric().equals("apply_lag_ms")));
    assertTrue(s.run().warmUpMs() >= 500, "the run rehearsed before t = 0: " + s.run());
    assertEquals("live", s.run().driver(), "summary.json says which driver ran it");
    assertNull(result.host(), "a live run's host figures are in its summary, and it writes no run.json");
    // held messages are handed over on the run loop, right after their instant
    assertTrue(s.network().deliveryErrorMs().p50() < 1.0, "delivery error " + s.network().deliveryErrorMs());
  }

  @Test
  void syncCommitWaitsForTheRoundTripToEveryFollower() throws Exception {
    RunResult result = LiveRun.run(
        TestScenarios.constantDelay(2, Duration.ofMillis(40), CommitMode.SYNC, 100, Duration.ofSeconds(2),
            WarmUp.NONE),
        RunListener.SILENT);
    Summary s = result.summary();

    assertEquals(0, s.run().warmUpMs(), "simulation.warm-up = 0s rehearses nothing");
    assertEquals(s.writes().attempted(), s.writes().acknowledged());
    assertTrue(s.commitLatencyMs().p50() >= 80.0, "sync commit latency " + s.commitLatencyMs());
    assertTrue(s.commitLatencyMs().p50() < 80.0 + 100, "sync commit latency " + s.commitLatencyMs());
    assertTrue(s.convergence().converged());
  }
}
