package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by a follower that cannot apply what the leader ships, e.g. WAL of another page format,
 * as a PostgreSQL standby's walreceiver ends a stream from an incompatible primary. The leader
 * stops shipping to it; the follower refuses every later batch the same way.
 *
 * @param reason why, for the run's events
 */
public record StreamRefused(long term, String from, String reason) implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + reason.length();
  }
}
