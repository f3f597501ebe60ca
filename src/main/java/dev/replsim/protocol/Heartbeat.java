package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by the leader to each follower every heartbeat interval, like PostgreSQL's walsender
 * keepalive. It carries the last LSN shipped to that follower: on a FIFO link a follower that
 * has received less has lost entries (even the last batch, which no later batch would reveal)
 * and asks for them again. The follower answers with an {@link Ack}, which also repairs lost acks.
 */
public record Heartbeat(long term, String from, long lastShippedLsn) implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 8;
  }
}
