package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reads meant for the leader: only a node that leads, and holds its lease, answers one; any other
 * refuses it, naming the leader it knows, so a client never takes a follower's (or a deposed
 * leader's) state for the leader's.
 */
class LeaderReadTest {

  private static final long TIMEOUT = ms(300);

  private static ProtocolHarness cluster() {
    ProtocolHarness h = TestCluster.start(TestCluster.settings(TestCluster.sync(AckLevel.APPLIED),
        ElectionSettings.Strategy.ELECTION, TIMEOUT, true), 2, 1).harness();
    h.network().defaultDelay(ms(5));
    return h;
  }

  @Test
  void theLeaderAnswersAndAFollowerRefusesNamingTheLeader() {
    ProtocolHarness h = cluster();
    h.write(0, "k", "v");
    long onLeader = h.leaderRead(ms(100), LEADER, "k");
    long onFollower = h.leaderRead(ms(100), follower(1), "k");
    h.runUntil(ms(200));

    assertEquals("v", h.readAnswer(onLeader).outcome().value());
    assertFalse(h.readAnswer(onLeader).outcome().refused());
    ReadOutcome refused = h.readAnswer(onFollower).outcome();
    assertTrue(refused.refused(), refused.toString());
    assertEquals(LEADER, refused.redirect());
    assertEquals(null, refused.value());
  }

  @Test
  void aLeaderCutOffPastItsLeaseRefusesWhileItStillTakesItselfForTheLeader() {
    ProtocolHarness h = cluster();
    h.write(0, "k", "v");
    h.runUntil(ms(100));
    h.network().dropWhen(e -> e.from().equals(LEADER) != e.to().equals(LEADER));
    long withinLease = h.leaderRead(ms(150), LEADER, "k");
    long pastLease = h.leaderRead(ms(100) + TIMEOUT + ms(60), LEADER, "k");
    h.runUntil(ms(100) + TIMEOUT + ms(100));

    assertEquals("v", h.readAnswer(withinLease).outcome().value(), "a majority heard it within the timeout");
    assertTrue(h.readAnswer(pastLease).outcome().refused(), "another may have been elected by now");
  }
}
