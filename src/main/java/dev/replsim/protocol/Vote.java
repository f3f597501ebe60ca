package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * A node's answer to a {@link RequestVote}: granted or not. A real vote carries the voter's
 * current term; a pre-vote answer carries the term it was asked about.
 */
public record Vote(long term, String from, boolean granted, boolean preVote) implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 2;
  }
}
