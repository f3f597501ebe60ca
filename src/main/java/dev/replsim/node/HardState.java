package dev.replsim.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each node's hard state: the latest term it voted in and whom it voted for. Raft keeps it
 * durable apart from the log, as PostgreSQL keeps its control file apart from the WAL: a node that
 * restarted and forgot its vote could vote twice in one term and let two leaders win it. So it
 * survives a restart whatever the journal; the node saves it before any vote leaves.
 */
public final class HardState {

  /** A node's vote: {@code candidate} in {@code term}. */
  public record Vote(long term, String candidate) {
    /** Before any vote: the first leader's term, in which every node follows the configured leader. */
    public static Vote initial(String leader) {
      return new Vote(1, leader);
    }
  }

  private final Map<String, Vote> votes = new ConcurrentHashMap<>();

  /** Saves {@code node}'s vote, unless it already voted in a later term. */
  public void save(String node, long term, String candidate) {
    votes.merge(node, new Vote(term, candidate), (old, now) -> now.term() >= old.term() ? now : old);
  }

  /** The node's last vote, or the initial one. */
  public Vote of(String node, String initialLeader) {
    return votes.getOrDefault(node, Vote.initial(initialLeader));
  }
}
