package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by a follower that found a gap in the entries it received: it asks the leader to ship
 * again from {@code fromLsn}, the entry after its last received one. This is how loss and
 * reordering on the network are repaired: by the protocol, never by the network emulator.
 * {@code incarnation} tells the leader whether the follower restarted since it last heard of it.
 */
public record ResendRequest(long term, String from, long incarnation, long fromLsn) implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 16;
  }
}
