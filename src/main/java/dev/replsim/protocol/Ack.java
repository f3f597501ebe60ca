package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by a follower to report how far it has got, with the three positions PostgreSQL's
 * {@code pg_stat_replication} shows: received (write), durable (flush) and applied (replay).
 * Positions only grow within one incarnation of the follower, so a lost ack is repaired by the
 * next one; a follower that restarted empty has a higher {@code incarnation} and starts over.
 */
public record Ack(long term, String from, long incarnation, long receivedLsn, long durableLsn, long appliedLsn)
    implements Message {

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
    return SizeModel.MESSAGE_HEADER_BYTES + 32;
  }
}
