package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;
import java.util.List;

/**
 * Sent by a follower to a leader it has not yet followed (after an election, a restart, or a
 * leader's restart): where its log ends, how far it applied, and its term history, so the leader
 * can tell where their logs part before it ships anything. Sent again with every heartbeat until
 * the leader answers with a {@link LogMatch}.
 *
 * @param history the follower's term history, as {@link TermHistory#export()} writes it
 */
public record Hello(long term, String from, long incarnation, long lastLsn, long appliedLsn, List<Long> history)
    implements Message {

  public Hello {
    history = List.copyOf(history);
  }

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 24 + 8 * history.size();
  }
}
