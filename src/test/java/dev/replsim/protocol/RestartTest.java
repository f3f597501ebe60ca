package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes that crash and come back empty (the memory journal keeps nothing) rejoin replication. */
class RestartTest {

  private static final ProtocolSettings SETTINGS = TestCluster.settings(CommitPolicy.async());

  private static void writeMany(ProtocolHarness h, int count, String prefix) {
    long start = h.now();
    for (int i = 0; i < count; i++) {
      h.write(start + ms(1) * i, "k" + (i % 37), prefix + i);
    }
    h.runUntilIdle();
    h.runUntil(h.now() + ms(200)); // a few heartbeats: acks reach the leader, which trims its log
  }

  @Test
  void aFollowerRestartedEmptyIsSetUpFromASnapshotAndCatchesUp() {
    TestCluster c = TestCluster.of(SETTINGS, 2).start();
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(5));
    writeMany(h, 200, "a");
    assertTrue(h.node(LEADER, Leader.class).log().firstLsn() > 1, "the leader trimmed its log");

    h.crash(follower(1));
    writeMany(h, 50, "b");
    c.restart(follower(1));
    h.runUntil(h.now() + ms(500));
    writeMany(h, 20, "c");

    NodeStatus leader = h.status(LEADER);
    assertEquals(leader.digest(), h.status(follower(1)).digest());
    assertEquals(270, h.status(follower(1)).appliedLsn());
    assertEquals(1, h.observed(LEADER, Observation.FollowerRestarted.class).size());
    assertFalse(h.observed(LEADER, Observation.SnapshotSent.class).isEmpty());
    assertFalse(h.observed(follower(1), Observation.SnapshotInstalled.class).isEmpty());
    assertEquals(leader.digest(), h.status(follower(2)).digest());
  }

  @Test
  void theLeaderIgnoresAcksSentBeforeAFollowerRestarted() {
    Leader leader = new Leader(LEADER, 1, List.of(follower(1)), SETTINGS);
    leader.start(0);
    for (int i = 1; i <= 5; i++) {
      leader.onWrite(new Write("c", i, "k", "v" + i, 2), ms(i));
    }
    leader.onMessage(new Hello(1, follower(1), 2, 0, 0, List.of()), ms(10)); // incarnation 2 starts over
    Decision stale = leader.onMessage(new Ack(1, follower(1), 1, 5, 5, 5), ms(11));

    assertTrue(stale.isEmpty(), "an ack of the crashed incarnation changes nothing");
    Decision flush = leader.onFlush(ms(12));
    assertEquals(1, ((AppendEntries) flush.sends().get(0).message()).firstLsn(), "ships again from LSN 1");
  }

  @Test
  void followersOfALeaderRestartedInANewTermDiscardTheOldTermAndConverge() {
    TestCluster c = TestCluster.of(SETTINGS, 2).start();
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(5));
    writeMany(h, 50, "a");

    h.crash(LEADER);
    c.restart(LEADER); // without failover it leads again, in term 2, empty
    writeMany(h, 10, "b");

    NodeStatus leader = h.status(LEADER);
    assertEquals(10, leader.lastLsn());
    for (int i = 1; i <= 2; i++) {
      NodeStatus f = h.status(follower(i));
      assertEquals(leader.digest(), f.digest(), follower(i));
      assertEquals(2, f.term());
      List<ProtocolHarness.Observed> rewinds = h.observed(follower(i), Observation.Rewound.class);
      assertEquals(1, rewinds.size());
      Observation.Rewound r = (Observation.Rewound) rewinds.get(0).observation();
      assertEquals(new Observation.Rewound(0, 1, 50, true), r, "every entry of the old term discarded, and the"
          + " applied ones undone by starting over");
    }
  }
}
