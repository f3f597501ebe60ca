package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.semiSync;
import static dev.replsim.protocol.TestCluster.settings;
import static dev.replsim.protocol.TestCluster.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.node.NodeFault;
import org.junit.jupiter.api.Test;

/**
 * The commit rule changed while the leader runs (a {@code commit} fault): writes appended after
 * wait by the new rule, and so do those already waiting, judged at once.
 */
class CommitSwitchTest {

  private static void switchTo(ProtocolHarness h, long at, CommitPolicy policy) {
    h.fault(at, LEADER, new NodeFault.SetCommitPolicy(policy));
  }

  @Test
  void switchingSyncToAsyncReleasesTheWaitingWritesAtOnceAsCommitted() {
    ProtocolHarness h = CommitModeTest.threeFollowers(sync(AckLevel.APPLIED));
    long waiting = h.write(0, "k", "v");
    switchTo(h, ms(50), CommitPolicy.async());

    h.runUntilIdle();

    assertEquals(ms(50), h.answer(waiting).answeredAt(), "released when the rule changed, not after 200 ms");
    assertFalse(h.answer(waiting).outcome().fallback(), "committed by the rule in force, not a fallback");
  }

  @Test
  void switchingAsyncToSyncMakesLaterWritesWaitForEveryFollower() {
    ProtocolHarness h = CommitModeTest.threeFollowers(CommitPolicy.async());
    long before = h.write(0, "a", "1");
    switchTo(h, ms(10), sync(AckLevel.APPLIED));
    long after = h.write(ms(20), "b", "2");

    h.runUntilIdle();

    assertEquals(0, h.answer(before).latency());
    assertEquals(ms(200), h.answer(after).latency(), "the slowest follower's round trip");
  }

  @Test
  void aSemiSyncTimeoutCountsFromTheAppendSoAWriteThatWaitedLongerFallsBackAtOnce() {
    ProtocolHarness h = CommitModeTest.threeFollowers(sync(AckLevel.APPLIED));
    long waiting = h.write(0, "k", "v");
    switchTo(h, ms(50), semiSync(3, ms(30)));
    long fresh = h.write(ms(60), "j", "w");

    h.runUntilIdle();

    assertEquals(ms(50), h.answer(waiting).answeredAt(), "it had waited 50 ms of the 30 ms allowed");
    assertTrue(h.answer(waiting).outcome().fallback());
    assertEquals(ms(90), h.answer(fresh).answeredAt(), "30 ms after its own append");
    assertTrue(h.answer(fresh).outcome().fallback());
  }
}
