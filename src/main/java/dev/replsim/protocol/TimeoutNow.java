package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by a leader handing over (a planned switchover) to the follower that should lead next,
 * once it has every entry: start an election now, without waiting for a timeout.
 */
public record TimeoutNow(long term, String from) implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES;
  }
}
