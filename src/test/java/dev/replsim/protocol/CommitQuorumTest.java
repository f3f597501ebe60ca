package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The commit rule over the followers' acked positions, without a cluster. */
class CommitQuorumTest {

  private static final List<String> FOLLOWERS = List.of("f1", "f2", "f3");
  private static final long[] POSITIONS = {3, 9, 7};
  private static final boolean[] ALL_STREAMING = new boolean[3];

  private static long commitLsn(CommitPolicy policy, boolean[] detached) {
    return new CommitQuorum(policy, FOLLOWERS).commitLsn(10, POSITIONS, detached);
  }

  private static CommitPolicy semiSync(int acks, Quorum quorum, String... standbys) {
    return new CommitPolicy(CommitMode.SEMI_SYNC, acks, AckLevel.APPLIED, 1_000_000).with(quorum, List.of(standbys));
  }

  @Test
  void anyKCommitsWhatTheKthFastestFollowerHas() {
    assertEquals(7, commitLsn(semiSync(2, Quorum.ANY), ALL_STREAMING));
  }

  @Test
  void anyKCountsOnlyTheListedStandbys() {
    assertEquals(3, commitLsn(semiSync(2, Quorum.ANY, "f1", "f3"), ALL_STREAMING));
  }

  @Test
  void firstKWaitsForTheFirstStandbysInPriorityOrderHoweverSlow() {
    assertEquals(3, commitLsn(semiSync(1, Quorum.FIRST, "f1", "f2"), ALL_STREAMING));
    assertEquals(7, commitLsn(semiSync(1, Quorum.FIRST, "f3", "f2", "f1"), ALL_STREAMING));
    assertEquals(7, commitLsn(semiSync(2, Quorum.FIRST, "f2", "f3", "f1"), ALL_STREAMING));
  }

  @Test
  void firstKPassesOverAStandbyThatRefusedTheStream() {
    assertEquals(9, commitLsn(semiSync(1, Quorum.FIRST, "f1", "f2"), new boolean[] {true, false, false}));
    assertEquals(0, commitLsn(semiSync(2, Quorum.FIRST, "f1", "f2"), new boolean[] {true, false, false}));
  }

  @Test
  void syncWaitsForTheSlowestFollowerAndAsyncForNone() {
    assertEquals(3, commitLsn(new CommitPolicy(CommitMode.SYNC, 0, AckLevel.APPLIED, 0), ALL_STREAMING));
    assertEquals(10, commitLsn(CommitPolicy.async(), ALL_STREAMING));
  }

  @Test
  void fallbacksCountTheStandbysThatAckedAndTheAcksNeeded() {
    CommitQuorum quorum = new CommitQuorum(semiSync(2, Quorum.ANY, "f1", "f3"), FOLLOWERS);
    assertEquals(1, quorum.acked(5, POSITIONS));
    assertEquals(2, quorum.needed(3));
  }
}
