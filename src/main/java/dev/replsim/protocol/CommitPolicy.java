package dev.replsim.protocol;

import java.util.List;

/**
 * The commit rule of a replication mode: when the leader may report a write as committed, and
 * when other clients may see it.
 *
 * @param mode async, sync or semi-sync
 * @param acks for semi-sync, how many standbys must ack (k)
 * @param ackLevel which follower position counts
 * @param timeoutMicros for semi-sync, how long a write waits before it falls back to async
 * @param quorum for semi-sync, ANY k or FIRST k of the standbys
 * @param standbys for semi-sync, the followers whose acks count, in priority order (the order
 *     matters for FIRST); empty for every follower in node order
 * @param waitPoint when a write waiting for acks becomes visible on the leader
 */
public record CommitPolicy(
    CommitMode mode,
    int acks,
    AckLevel ackLevel,
    long timeoutMicros,
    Quorum quorum,
    List<String> standbys,
    WaitPoint waitPoint) {

  public CommitPolicy {
    if (acks < 0) {
      throw new IllegalArgumentException("acks must be >= 0, got " + acks);
    }
    standbys = List.copyOf(standbys);
  }

  /** ANY k over every follower, visible after sync: the rule before quorums and wait points. */
  public CommitPolicy(CommitMode mode, int acks, AckLevel ackLevel, long timeoutMicros) {
    this(mode, acks, ackLevel, timeoutMicros, Quorum.ANY, List.of(), WaitPoint.AFTER_SYNC);
  }

  public static CommitPolicy async() {
    return new CommitPolicy(CommitMode.ASYNC, 0, AckLevel.APPLIED, 0);
  }

  /** Whether a write that waits too long is released as a fallback instead of waiting forever. */
  public boolean hasTimeout() {
    return mode == CommitMode.SEMI_SYNC && timeoutMicros > 0;
  }

  /** The same rule with another quorum over these standbys. */
  public CommitPolicy with(Quorum quorum, List<String> standbys) {
    return new CommitPolicy(mode, acks, ackLevel, timeoutMicros, quorum, standbys, waitPoint);
  }

  /**
   * The rule a {@code commit} fault sets: another mode, ack count, ack level and timeout, with the
   * same quorum, standbys and wait point.
   */
  public CommitPolicy with(CommitMode mode, int acks, AckLevel ackLevel, long timeoutMicros) {
    return new CommitPolicy(mode, acks, ackLevel, timeoutMicros, quorum, standbys, waitPoint);
  }

  /** The same rule with another wait point. */
  public CommitPolicy with(WaitPoint waitPoint) {
    return new CommitPolicy(mode, acks, ackLevel, timeoutMicros, quorum, standbys, waitPoint);
  }
}
