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
   * A follower heard from a leader of a newer term and discarded its log and database to follow
   * it: {@code discardedLsn} entries of the old term are gone from this replica.
   */
  record FollowerReset(long oldTerm, long newTerm, long discardedLsn) implements Observation {}

  /** The leader learnt that a follower restarted (a new incarnation) and starts over with it. */
  record FollowerRestarted(String follower, long incarnation) implements Observation {}

  /** The leader went back to {@code fromLsn} for a follower that asked for it. */
  record ResendServed(String follower, long fromLsn) implements Observation {}
}
