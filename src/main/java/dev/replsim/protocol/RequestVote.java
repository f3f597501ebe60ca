package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * Sent by a candidate to every other node to ask for its vote in {@code term}: granted at most
 * once per term, and only to a candidate whose log is at least as up to date as the voter's
 * (Raft's rule: a later last term wins, then a longer log), so the new leader holds every entry a
 * majority had.
 *
 * @param preVote a pre-vote (Raft's PreVote): would the voter vote, were there an election in
 *     {@code term}? Nobody's term changes; a node cut off from the others cannot disrupt a
 *     healthy leader when it comes back, because it wins no pre-vote
 * @param transfer asked for by the leader itself (a planned switchover): voters grant it even
 *     though they have heard from that leader recently
 */
public record RequestVote(long term, String from, long lastLsn, long lastTerm, boolean preVote, boolean transfer)
    implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 18;
  }
}
