package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Restarts in a cluster without failover, with the {@link Replica}s the live driver builds. */
class RestartWithoutFailoverTest {

  private static ProtocolSettings settings() {
    return TestCluster.settings(CommitPolicy.async(), ElectionSettings.Strategy.NONE, ms(300), true);
  }

  private static void writeEvery(ProtocolHarness h, long from, long to) {
    for (long at = from; at < to; at += ms(5)) {
      h.write(at, "k" + (at / ms(5) % 40), "v" + at);
    }
  }

  @Test
  void aFollowerRestartedEmptyCatchesUpAndALeaderRestartedInANewTermIsFollowed() {
    TestCluster c = TestCluster.start(settings(), 2, 3);
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(10));
    writeEvery(h, 0, ms(500));
    h.runUntil(ms(500));
    h.crash(follower(1));
    writeEvery(h, ms(500), ms(4000));
    h.runUntil(ms(1500));
    c.restart(follower(1));
    h.runUntil(ms(2500));
    h.crash(LEADER);
    h.runUntil(ms(3000));
    c.restart(LEADER); // in term 2
    h.runUntil(ms(5000));

    NodeStatus leader = h.status(LEADER);
    assertEquals(2, leader.term());
    for (int i = 1; i <= 2; i++) {
      NodeStatus f = h.status(follower(i));
      assertEquals(2, f.term(), follower(i));
      assertEquals(leader.lastLsn(), f.appliedLsn(), follower(i));
      assertEquals(leader.digest(), f.digest(), follower(i));
    }
  }
}
