package dev.replsim.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.api.Simulation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenarios the safety search found broken, each shrunk to the faults that mattered and kept
 * in {@code src/test/resources/safety/seed-N.conf} (its header says what it broke before the fix).
 * Each must now keep every invariant.
 */
class SafetyRegressionTest {

  private static List<Violation> check(long seed) throws URISyntaxException {
    Path file = Path.of(SafetyRegressionTest.class.getResource("/safety/seed-" + seed + ".conf").toURI());
    return new SafetyCheck(List.of()).check(Simulation.load(file)).violations();
  }

  /** The leader crashed and came back with its disk lost; clients still took it for the leader and read its empty state. */
  @Test
  void seed10_aLeaderRestartedEmptyRefusesTheReadsMeantForTheLeader() throws Exception {
    assertEquals(List.of(), check(10));
  }

  /** A new leader crashed and came back empty: it answered leader reads with nothing, losing a read write. */
  @Test
  void seed3_aDeposedLeaderRestartedEmptyDoesNotServeLeaderReads() throws Exception {
    assertEquals(List.of(), check(3));
  }

  /** The same, under semi-sync with read-your-writes sessions. */
  @Test
  void seed13_readYourWritesHoldsAcrossALeaderRestartedEmpty() throws Exception {
    assertEquals(List.of(), check(13));
  }

  /**
   * A leader read went to a node the client took for the leader; it refused, naming the leader it
   * knew; the read went there and, sent as an ordinary read, was answered by a node that no longer led.
   */
  @Test
  void seed113_aReadPassedOnToTheNamedLeaderIsStillOnlyForTheLeader() throws Exception {
    assertEquals(List.of(), check(113));
  }

  /**
   * A follower restarted empty voted in term 2 and claimed (term 2, LSN 0) was newer than a
   * session's (term 1, LSN 433): it answered read-your-writes reads with nothing.
   */
  @Test
  void seed181_aFollowersPositionIsItsLastAppliedEntrysTermNotItsCurrentTerm() throws Exception {
    assertEquals(List.of(), check(181));
  }

  /**
   * A consistent-prefix read held on a follower past its session timeout came back with an older
   * state; meanwhile a redirect had made the client take that node (a deposed, cut-off leader) for
   * the leader, so it accepted the answer as the leader's instead of sending the read on.
   */
  @Test
  void seed8379_aReadSentToAFollowerIsJudgedAsAFollowersAnswer() throws Exception {
    assertEquals(List.of(), check(8379));
  }

  /**
   * The leader's clock was skewed ahead and set right again, stepping back; its lease, measured on
   * that clock, lasted 1.7 s longer, and cut off from the others it answered a leader read after
   * a new leader had taken newer writes. Timers and leases now run on the monotonic clock; a skew
   * moves only what a node stamps.
   */
  @Test
  void seed1640_aClockSteppedBackDoesNotLengthenTheLeadersLease() throws Exception {
    assertEquals(List.of(), check(1640));
  }
}
