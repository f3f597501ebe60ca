package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by the leader to each follower every heartbeat interval, like PostgreSQL's walsender
 * keepalive. It carries the last LSN shipped to that follower: on a FIFO link a follower that
 * has received less has lost entries (even the last batch, which no later batch would reveal)
 * and asks for them again. The follower answers with an {@link Ack}, which also repairs lost acks.
 *
 * @param sentAt the leader's clock when it sent this; the follower's acks echo the latest, so the
 *     leader knows its lease from when its own messages left, whatever the delays
 */
public record Heartbeat(long term, String from, long lastShippedLsn, long sentAt) implements Message {

  /** A heartbeat without a send time, for tests of shipping alone. */
  public Heartbeat(long term, String from, long lastShippedLsn) {
    this(term, from, lastShippedLsn, 0);
  }

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 16;
  }
}
