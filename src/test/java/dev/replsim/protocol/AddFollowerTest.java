package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A follower added to a running cluster is set up from a snapshot, catches up, and blocks no commit. */
class AddFollowerTest {

  private static final ProtocolSettings SETTINGS = new ProtocolSettings(
      new CommitPolicy(CommitMode.SYNC, 0, AckLevel.APPLIED, 0), 100, 100_000, TestCluster.HEARTBEAT_MICROS,
      ElectionSettings.NONE, 50);

  private static void writeMany(ProtocolHarness h, int count, String prefix) {
    long start = h.now();
    for (int i = 0; i < count; i++) {
      h.write(start + ms(1) * i, "k" + (i % 37), prefix + i);
    }
    h.runUntilIdle();
    h.runUntil(h.now() + ms(200));
  }

  @Test
  void aFollowerAddedMidRunIsSetUpFromASnapshotAndConvergesWithoutHoldingBackSyncCommits() {
    TestCluster c = TestCluster.of(SETTINGS, 2).adding(follower(3)).start();
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(5));
    writeMany(h, 300, "a");
    String added = follower(3);
    c.add(added);
    writeMany(h, 100, "b");

    assertEquals(h.status(LEADER).digest(), h.status(added).digest());
    assertEquals(400, h.status(added).appliedLsn());
    assertFalse(h.observed(LEADER, Observation.SnapshotSent.class).isEmpty(), "set up from a snapshot");
    assertEquals(400, h.node(LEADER, Leader.class).status().lastLsn());
    assertEquals(0, h.node(LEADER, Leader.class).pendingWrites(), "every sync write committed");
  }

  @Test
  void anAddedFollowerWhoseHelloIsLostSaysHelloAgain() {
    TestCluster c = TestCluster.of(SETTINGS, 2).adding(follower(3)).start();
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(5));
    writeMany(h, 100, "a");
    String added = follower(3);
    boolean[] droppedOne = {false};
    h.network().dropWhen(e -> {
      if (e.message() instanceof Hello && e.from().equals(added) && !droppedOne[0]) {
        droppedOne[0] = true;
        return true;
      }
      return false;
    });
    c.add(added);
    writeMany(h, 50, "b");
    h.runUntil(h.now() + ms(500));

    assertTrue(droppedOne[0], "its first hello was lost");
    assertEquals(h.status(LEADER).digest(), h.status(added).digest());
    assertEquals(150, h.status(added).appliedLsn());
  }
}
