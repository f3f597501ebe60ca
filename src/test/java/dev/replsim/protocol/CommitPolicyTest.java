package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommitPolicyTest {

  @Test
  void semiSyncCommitsWhatTheKthFastestFollowerHas() {
    CommitPolicy anyTwo = new CommitPolicy(CommitMode.SEMI_SYNC, 2, AckLevel.APPLIED, 1_000_000);
    assertEquals(7, anyTwo.commitLsn(10, new long[] {3, 9, 7}));
  }

  @Test
  void syncWaitsForTheSlowestFollowerAndAsyncForNone() {
    CommitPolicy sync = new CommitPolicy(CommitMode.SYNC, 0, AckLevel.APPLIED, 0);
    assertEquals(3, sync.commitLsn(10, new long[] {3, 9, 7}));
    assertEquals(10, CommitPolicy.async().commitLsn(10, new long[] {3, 9, 7}));
  }
}
