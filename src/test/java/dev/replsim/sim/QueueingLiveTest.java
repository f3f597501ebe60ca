package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Busy emulated resources on a real cluster queue as queueing theory says they must. Poisson
 * writes at 200/s reach four followers over constant 5 ms links: three apply each entry in an
 * exponential time (M/M/1 queues at utilisations 0.5, 0.8 and 0.9), and the fourth sits behind a
 * link whose bandwidth puts each one-entry message on the wire in exactly 4 ms (M/D/1 at 0.8).
 *
 * <p>Each queue is held to two references. Its own sample path, computed exactly from the same
 * seeded arrivals and apply times, is what the run shows if the driver emulates the queue
 * exactly: the live figure may exceed it only by the live driver's own time to hand a finished
 * apply or a message to its node (a few tenths of a millisecond per entry here). The theory (a mean of s / (1 - rho) for M/M/1) is
 * what an endless run averages: a 40 s run is one sample of it, and seed 9's sample path is
 * within 2% of it at every utilisation (asserted first, so a change that moves the seeded draws
 * says so plainly instead of failing as a fidelity bug). Before live timers carried their due
 * instants, a 0.8 queue measured 6 times the theory and a 0.9 queue 20 times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueingLiveTest {

  private static final double LINK_MS = 5;
  /** How far a short run's own sample path may be from the theory with this seed. */
  private static final double SAMPLE_ERROR = 0.03;

  private Scenario scenario;
  private Summary summary;
  private SamplePath path;

  @BeforeAll
  void run(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("queueing.conf");
    Files.writeString(file, String.join("\n",
        "simulation { name = queueing, seed = 9, duration = 40s, sample-interval = 1s }",
        "cluster {",
        "  followers = 4",
        "  replication.max-batch = 1", // one entry per message: every message the same size
        "  node-apply-time {",
        "    follower-1 = { distribution = exponential, mean = 2500us }",
        "    follower-2 = { distribution = exponential, mean = 4ms }",
        "    follower-3 = { distribution = exponential, mean = 4500us }",
        "  }",
        "}",
        "network {",
        "  delay = { distribution = constant, value = 5ms }",
        // a 146-byte message (a 64-byte value and a two-byte key) at 36,500 B/s: 4 ms on the wire
        "  links = [ { from = leader, to = follower-4, bandwidth = 36500 } ]",
        "}",
        "workload { clients = 4, write-rate = 200, arrival = poisson, keys = 9 }",
        "failover { heartbeat-interval = 1s, timeout = 2s }", // heartbeats take a negligible part of the link
        ""));
    scenario = ScenarioLoader.load(file);
    path = SamplePath.of(scenario);
    summary = LiveRun.run(scenario, RunListener.SILENT).summary();
  }

  /**
   * The mean time an entry spent in {@code follower}'s apply queue: from its arrival (the receive
   * lag) to its apply (the apply lag).
   */
  private double applyQueueMs(String follower) {
    Summary.FollowerLag lag = summary.lag().get(follower);
    assertEquals(path.arrivals(), lag.applyMs().count(), "every write was applied at " + follower);
    return lag.applyMs().mean() - lag.receiveMs().mean();
  }

  /** The mean time an entry's message spent queued and on the wire of {@code follower}'s link, beyond its delay. */
  private double linkQueueMs(String follower) {
    LatencyStats receive = summary.lag().get(follower).receiveMs();
    assertEquals(path.arrivals(), receive.count(), "every write reached " + follower);
    return receive.mean() - LINK_MS;
  }

  private void assertQueue(String what, double theoryMs, double pathMs, double measuredMs) {
    assertEquals(theoryMs, pathMs, SAMPLE_ERROR * theoryMs, what + ": the seeded sample path itself");
    assertTrue(measuredMs >= pathMs - 0.05 * pathMs && measuredMs <= pathMs * 1.05 + 1.0,
        what + ": measured " + measuredMs + " ms against the sample path's " + pathMs + " ms");
    assertEquals(theoryMs, measuredMs, 0.15 * theoryMs, what + ": measured against the theory");
  }

  @Test
  void followersApplyingInExponentialTimesQueueAsMm1() {
    double[] serviceMs = {2.5, 4, 4.5};
    for (int i = 0; i < serviceMs.length; i++) {
      String follower = "follower-" + (i + 1);
      double rho = 0.2 * serviceMs[i];
      assertQueue(follower + " at utilisation " + rho, serviceMs[i] / (1 - rho),
          path.meanApplySojournMs(scenario, follower), applyQueueMs(follower));
    }
  }

  @Test
  void aBandwidthLimitedLinkQueuesAsMd1() {
    double rho = 0.8;
    double wireMs = 4;
    assertQueue("the leader's link to follower-4", wireMs + rho * wireMs / (2 * (1 - rho)),
        path.meanSojournMs(() -> 4000), linkQueueMs("follower-4"));
  }
}
