package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nodes that restart from a durable journal come back with their log and catch up from their last
 * LSN; one that fell behind the leader's retained log is set up from a snapshot instead.
 */
class DurableRestartTest {

  private static ProtocolSettings settings(long retention) {
    return new ProtocolSettings(CommitPolicy.async(), 100, 100_000, TestCluster.HEARTBEAT_MICROS,
        ElectionSettings.NONE, retention);
  }

  private static void writeMany(ProtocolHarness h, int count, String prefix) {
    long start = h.now();
    for (int i = 0; i < count; i++) {
      h.write(start + ms(1) * i, "k" + (i % 37), prefix + i);
    }
    h.runUntilIdle();
    h.runUntil(h.now() + ms(200));
  }

  /** What follower-1's journal would hold: a snapshot of its applied state, no entries after it. */
  private static Recovery journalOf(ProtocolHarness h, String node) {
    Checkpoint c = h.node(node, Follower.class).checkpoint();
    return new Recovery(c.lsn(), c.image(), c.history(), List.of(), 1, LEADER);
  }

  @Test
  void aFollowerRecoveredFromItsJournalCatchesUpFromItsLastLsnWithoutASnapshot() {
    ProtocolSettings settings = settings(100_000);
    TestCluster c = TestCluster.of(settings, 2).start();
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(5));
    writeMany(h, 200, "a");
    Recovery journal = journalOf(h, follower(1));
    assertEquals(200, journal.lastLsn());

    h.crash(follower(1));
    writeMany(h, 50, "b");
    c.restart(follower(1), journal);
    h.runUntil(h.now() + ms(500));
    writeMany(h, 20, "c");

    assertEquals(h.status(LEADER).digest(), h.status(follower(1)).digest());
    assertEquals(270, h.status(follower(1)).appliedLsn());
    assertTrue(h.observed(LEADER, Observation.SnapshotSent.class).isEmpty(), "it had its log: no snapshot");
  }

  @Test
  void aFollowerBehindTheLeadersRetainedLogIsSetUpFromASnapshotAndConverges() {
    ProtocolSettings settings = settings(20);
    TestCluster c = TestCluster.of(settings, 2).start();
    ProtocolHarness h = c.harness();
    h.network().defaultDelay(ms(5));
    writeMany(h, 100, "a");
    Recovery journal = journalOf(h, follower(1));

    h.crash(follower(1));
    writeMany(h, 100, "b"); // the leader keeps only the last 20 entries for it
    assertTrue(h.node(LEADER, Leader.class).log().firstLsn() > 101, "the leader dropped what follower-1 needs");
    c.restart(follower(1), journal);
    h.runUntil(h.now() + ms(500));
    writeMany(h, 20, "c");

    assertEquals(h.status(LEADER).digest(), h.status(follower(1)).digest());
    assertEquals(220, h.status(follower(1)).appliedLsn());
    assertFalse(h.observed(LEADER, Observation.SnapshotSent.class).isEmpty());
    assertFalse(h.observed(follower(1), Observation.SnapshotInstalled.class).isEmpty());
    assertEquals(h.status(LEADER).digest(), h.status(follower(2)).digest());
  }
}
