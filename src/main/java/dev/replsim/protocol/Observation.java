package dev.replsim.protocol;

/**
 * Something the protocol core reports having done, for the recorder: the driver stamps it with
 * the true time and hands it on. Ranges are inclusive LSN ranges, so one observation covers a
 * whole batch.
 */
public sealed interface Observation {

  /** The leader appended an entry. */
  record Appended(long lsn, int bytes) implements Observation {}

  /** A follower appended shipped entries to its log, in order. */
  record Received(long fromLsn, long toLsn) implements Observation {}

  /** A node's log is durable up to {@code toLsn}. */
  record Durable(long fromLsn, long toLsn) implements Observation {}

  /** A follower applied entries to its database; {@code bytes} is their total size. */
  record Applied(long fromLsn, long toLsn, long bytes) implements Observation {}

  /** A semi-sync write timed out waiting for acks and was committed as async. */
  record Fallback(long lsn, int acked, int needed) implements Observation {}

  /** A follower received entries that do not follow its last one. */
  record GapDetected(long expectedLsn, long receivedLsn) implements Observation {}

  /** A follower asked the leader to ship again from {@code fromLsn}. */
  record ResendRequested(long fromLsn) implements Observation {}

  /** The leader sent a follower its whole database as of {@code lsn}, because it no longer held the entries. */
  record SnapshotSent(String follower, long lsn, int bytes) implements Observation {}

  /** A follower replaced its state with the leader's snapshot as of {@code lsn}. */
  record SnapshotInstalled(long lsn, int rows) implements Observation {}

  /**
   * A follower learnt from a new leader that their logs agree only up to {@code matchLsn}: it
   * discarded its entries {@code fromLsn..toLsn}, which no later leader has. If it had already
   * applied some of them it could not undo them, and started over empty ({@code startedOver}).
   */
  record Rewound(long matchLsn, long fromLsn, long toLsn, boolean startedOver) implements Observation {}

  /** A follower follows {@code leader} in {@code term}: their logs agree and entries may flow. */
  record Following(String leader, long term) implements Observation {}

  /** A follower has not heard from {@code leader} (null if it never had one) and suspects it gone. */
  record LeaderSuspected(String leader, long term) implements Observation {}

  /**
   * A node voted for {@code candidate} (itself, when it stands) in {@code term}. This is the
   * replica's hard state, which Raft keeps durable: a node that restarts must not vote twice in a
   * term, so the driver keeps the last of these across restarts, whatever the journal.
   */
  record Voted(long term, String candidate) implements Observation {}

  /** A node stood for election in {@code term}, with its log ending at {@code lastLsn}. */
  record ElectionStarted(long term, long lastLsn, boolean transfer) implements Observation {}

  /**
   * A node won the election of {@code term} with {@code votes} votes; its log ends at
   * {@code lastLsn} and {@code history} is its term history (as {@link TermHistory#export()} writes it).
   */
  record BecameLeader(long term, long lastLsn, int votes, java.util.List<Long> history) implements Observation {}

  /** A leader learnt of a newer term and stepped down, with {@code pending} writes unanswered. */
  record SteppedDown(long term, long newTerm, int pending) implements Observation {}

  /** A leader lost contact with a majority for the election timeout and stepped down (its lease ran out). */
  record LeaseExpired(long term) implements Observation {}

  /** A leader began a planned handover to {@code target}: it accepts no more writes. */
  record SwitchoverStarted(String target, long term) implements Observation {}

  /** The leader learnt that a follower restarted (a new incarnation) and starts over with it. */
  record FollowerRestarted(String follower, long incarnation) implements Observation {}

  /** The leader went back to {@code fromLsn} for a follower that asked for it. */
  record ResendServed(String follower, long fromLsn) implements Observation {}

  /** The leader shipped entries {@code fromLsn..toLsn} to a follower in one message of {@code bytes}. */
  record Shipped(String follower, long fromLsn, long toLsn, int bytes) implements Observation {}

  /**
   * The leader processed a follower's ack as PostgreSQL's walsender processes a standby's reply:
   * the positions it shows ({@code pg_stat_replication}'s sent, write, flush and replay LSN) and
   * the lags it estimates from them on its own clock, in microseconds, or
   * {@link #UNKNOWN_LAG} where PostgreSQL shows NULL.
   */
  record StandbyReply(String follower, long sentLsn, long writeLsn, long flushLsn, long replayLsn,
      long writeLagMicros, long flushLagMicros, long replayLagMicros) implements Observation {}

  /** A lag PostgreSQL would show as NULL: nothing to measure it by. */
  long UNKNOWN_LAG = LagTracker.UNKNOWN;

  /**
   * A follower's applier moved on, as MySQL's {@code Seconds_Behind_Source} sees it: from now on
   * the oldest entry it has received but not applied was executed on the leader at
   * {@code sourceTimestampMicros} (the leader's clock), or it has caught up ({@link #IDLE}).
   * {@code localMicros} is the follower's own clock at the moment, so that a skewed clock skews the
   * estimate as it would in MySQL.
   */
  record ApplierState(long localMicros, long sourceTimestampMicros) implements Observation {

    /** No source timestamp: the applier has applied everything received. */
    public static final long IDLE = -1;

    public boolean idle() {
      return sourceTimestampMicros == IDLE;
    }

    /**
     * {@code Seconds_Behind_Source} as MySQL computes it at {@code localNowMicros} on the
     * follower's clock: that clock's whole seconds minus the source timestamp's whole seconds,
     * never negative, and 0 when the applier has caught up with what it received (however far
     * the receiver itself is behind).
     */
    public long secondsBehindSource(long localNowMicros) {
      if (idle()) {
        return 0;
      }
      return Math.max(0, Math.floorDiv(localNowMicros, 1_000_000) - Math.floorDiv(sourceTimestampMicros, 1_000_000));
    }
  }

  /** A follower refused the stream from {@code lsn} on, for {@code reason}; it refuses all later ones. */
  record StreamRefused(long lsn, String reason) implements Observation {}

  /** Entry {@code lsn}, a WAL record, logged {@code pages} pages whole after a checkpoint. */
  record FullPageImages(long lsn, int pages) implements Observation {}
}
