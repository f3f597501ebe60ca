package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.Observation.ApplierState;
import dev.replsim.protocol.Observation.StandbyReply;
import dev.replsim.random.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lag as the databases themselves estimate it, beside the truth: PostgreSQL's write, flush and
 * replay lag on the leader's clock, and MySQL's Seconds_Behind_Source on the replica's.
 */
class LagEstimateTest {

  private static final long UNKNOWN = Observation.UNKNOWN_LAG;

  /** One follower 10 ms away whose journal takes 5 ms and which applies an entry in {@code applyMs}. */
  private static ProtocolHarness oneFollower(long linkMs, long applyMs) {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), 1, new Distribution.Constant(ms(applyMs)))
        .journalDelay(follower(1), ms(5));
    h.network().defaultDelay(ms(linkMs));
    return h;
  }

  private static List<StandbyReply> replies(ProtocolHarness h) {
    return h.observed(LEADER, StandbyReply.class).stream().map(o -> (StandbyReply) o.observation()).toList();
  }

  private static List<ProtocolHarness.Observed> applierStates(ProtocolHarness h) {
    return h.observed(follower(1), ApplierState.class);
  }

  @Test
  void postgresLagsRunFromTheLeadersFlushToTheReplyShowingEachPosition() {
    ProtocolHarness h = oneFollower(10, 3);
    h.write(0, "k", "v");

    h.runUntil(ms(40));

    // received at 10 ms, durable at 15, applied at 18; each ack takes 10 ms back
    StandbyReply last = replies(h).get(replies(h).size() - 1);
    assertEquals(new StandbyReply(follower(1), 1, 1, 1, 1, ms(20), ms(25), ms(28)), last);
  }

  @Test
  void postgresLagsAreClearedOnceTwoRepliesShowEverythingReplayed() {
    ProtocolHarness h = oneFollower(10, 3);
    h.write(0, "k", "v");

    h.runUntil(ms(70)); // the heartbeat at 50 ms brings a second reply at 60 ms

    StandbyReply last = replies(h).get(replies(h).size() - 1);
    assertEquals(new StandbyReply(follower(1), 1, 1, 1, 1, UNKNOWN, UNKNOWN, UNKNOWN), last);
  }

  @Test
  void postgresLagsIgnoreAFollowersSkewedClock() {
    ProtocolHarness skewed = oneFollower(10, 3).clockOffset(follower(1), ms(5_000));
    skewed.write(0, "k", "v");
    skewed.runUntil(ms(40));

    StandbyReply last = replies(skewed).get(replies(skewed).size() - 1);
    assertEquals(ms(28), last.replayLagMicros());
  }

  @Test
  void secondsBehindSourceIsZeroWhileTheEntryIsStillOnTheNetwork() {
    ProtocolHarness h = oneFollower(1_500, 0);
    h.write(0, "k", "v");

    h.runUntil(ms(1_499));
    assertTrue(applierStates(h).isEmpty(), "the applier is idle: MySQL shows 0, 1.5 s behind the leader");

    h.runUntil(ms(1_600));
    List<ProtocolHarness.Observed> states = applierStates(h);
    assertEquals(2, states.size());
    ApplierState busy = (ApplierState) states.get(0).observation();
    assertEquals(1, busy.secondsBehindSource(busy.localMicros()));
    assertTrue(((ApplierState) states.get(1).observation()).idle());
  }

  @Test
  void secondsBehindSourceCountsWholeSecondsWhileAnEntryIsApplied() {
    ProtocolHarness h = oneFollower(10, 2_500);
    h.write(0, "k", "v");

    h.runUntilIdle();

    List<ProtocolHarness.Observed> states = applierStates(h);
    ApplierState applying = (ApplierState) states.get(0).observation();
    assertEquals(ms(10), applying.localMicros());
    assertEquals(0, applying.secondsBehindSource(ms(999)));
    assertEquals(2, applying.secondsBehindSource(ms(2_514)));
    assertEquals(ms(2_515), states.get(1).at());
    assertTrue(((ApplierState) states.get(1).observation()).idle());
  }

  @Test
  void secondsBehindSourceTakesAReplicaClockThatRunsAheadForLag() {
    ProtocolHarness h = oneFollower(10, 100).clockOffset(follower(1), ms(3_000));
    h.write(0, "k", "v");

    h.runUntilIdle();

    ApplierState applying = (ApplierState) applierStates(h).get(0).observation();
    assertEquals(3, applying.secondsBehindSource(applying.localMicros()), "3 s behind, 10 ms in truth");
  }
}
