package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by a follower to report how far it has got, with the three positions PostgreSQL's
 * {@code pg_stat_replication} shows: received (write), durable (flush) and applied (replay).
 * Positions only grow within one incarnation of the follower, so a lost ack is repaired by the
 * next one; a follower that restarted empty has a higher {@code incarnation} and starts over.
 *
 * @param echo the send time of the latest heartbeat the follower had from this leader (the
 *     leader's clock): the leader holds its lease from then
 */
public record Ack(long term, String from, long incarnation, long receivedLsn, long durableLsn, long appliedLsn,
    long echo) implements Message {

  /** An ack echoing no heartbeat. */
  public Ack(long term, String from, long incarnation, long receivedLsn, long durableLsn, long appliedLsn) {
    this(term, from, incarnation, receivedLsn, durableLsn, appliedLsn, Long.MIN_VALUE);
  }

  /** The position at the given ack level. */
  public long position(AckLevel level) {
    switch (level) {
      case RECEIVED:
        return receivedLsn;
      case DURABLE:
        return durableLsn;
      default:
        return appliedLsn;
    }
  }

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 40;
  }
}
