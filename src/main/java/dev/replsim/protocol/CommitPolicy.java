package dev.replsim.protocol;

import java.util.Arrays;

/**
 * The commit rule of a replication mode: which LSNs the leader may report as committed, given
 * its own durable position and each follower's acked position at the configured ack level.
 *
 * @param mode async, sync or semi-sync
 * @param acks for semi-sync, how many followers must ack (ANY k)
 * @param ackLevel which follower position counts
 * @param timeoutMicros for semi-sync, how long a write waits before it falls back to async
 */
public record CommitPolicy(CommitMode mode, int acks, AckLevel ackLevel, long timeoutMicros) {

  public CommitPolicy {
    if (acks < 0) {
      throw new IllegalArgumentException("acks must be >= 0, got " + acks);
    }
  }

  public static CommitPolicy async() {
    return new CommitPolicy(CommitMode.ASYNC, 0, AckLevel.APPLIED, 0);
  }

  /** Whether a write that waits too long is released as a fallback instead of waiting forever. */
  public boolean hasTimeout() {
    return mode == CommitMode.SEMI_SYNC && timeoutMicros > 0;
  }

  /**
   * The highest committable LSN.
   *
   * @param localDurableLsn the leader's own durable position
   * @param followerPositions each follower's acked position at {@link #ackLevel()}
   */
  public long commitLsn(long localDurableLsn, long[] followerPositions) {
    int n = followerPositions.length;
    int needed;
    switch (mode) {
      case ASYNC:
        return localDurableLsn;
      case SYNC:
        needed = n;
        break;
      default:
        needed = Math.min(acks, n);
        break;
    }
    if (needed == 0) {
      return localDurableLsn;
    }
    long[] sorted = followerPositions.clone();
    Arrays.sort(sorted);
    // the needed-th highest position is held by at least `needed` followers
    return Math.min(localDurableLsn, sorted[n - needed]);
  }
}
