package dev.replsim.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link CommitPolicy} applied to the leader's followers: which LSNs it may report as committed,
 * given its own durable position and each follower's acked position. The standbys are resolved to
 * follower indices once, so each commit check is a pass over an array.
 */
final class CommitQuorum {

  private final CommitPolicy policy;
  /** Indices into the follower list, in priority order. */
  private final int[] standbys;

  CommitQuorum(CommitPolicy policy, List<String> followers) {
    this.policy = policy;
    // a named standby that now leads is no standby of its own; the others keep their order
    this.standbys = (policy.standbys().isEmpty() ? followers : policy.standbys()).stream()
        .mapToInt(followers::indexOf).filter(i -> i >= 0).toArray();
  }

  /** How many acks a write needs under this rule. */
  int needed(int followers) {
    switch (policy.mode()) {
      case ASYNC:
        return 0;
      case SYNC:
        return followers;
      default:
        return Math.min(policy.acks(), standbys.length);
    }
  }

  /**
   * The highest committable LSN.
   *
   * @param localDurableLsn the leader's own durable position
   * @param positions each follower's acked position at the policy's ack level, in follower order
   * @param detached which followers refused the stream: FIRST passes over them to the next standby
   */
  long commitLsn(long localDurableLsn, long[] positions, boolean[] detached) {
    int needed = needed(positions.length);
    if (needed == 0) {
      return localDurableLsn;
    }
    if (policy.mode() == CommitMode.SYNC) {
      long commit = localDurableLsn;
      for (long p : positions) {
        commit = Math.min(commit, p);
      }
      return commit;
    }
    if (policy.quorum() == Quorum.FIRST) {
      // the first `needed` standbys still streaming, in priority order, however slow
      long commit = localDurableLsn;
      int counted = 0;
      for (int i = 0; i < standbys.length && counted < needed; i++) {
        if (!detached[standbys[i]]) {
          commit = Math.min(commit, positions[standbys[i]]);
          counted++;
        }
      }
      return counted == needed ? commit : 0;
    }
    long[] sorted = new long[standbys.length];
    for (int i = 0; i < standbys.length; i++) {
      sorted[i] = positions[standbys[i]];
    }
    Arrays.sort(sorted);
    // the needed-th highest position is held by at least `needed` standbys
    return Math.min(localDurableLsn, sorted[sorted.length - needed]);
  }

  /** How many standbys have acked {@code lsn}, for a fallback's report. */
  int acked(long lsn, long[] positions) {
    int count = 0;
    for (int s : standbys) {
      if (positions[s] >= lsn) {
        count++;
      }
    }
    return count;
  }
}
