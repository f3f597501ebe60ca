package dev.replsim.node;

/**
 * Each node's hard state, in Raft's word: the latest term it voted in and whom it voted for. Raft
 * keeps it durable apart from the log, as PostgreSQL keeps its control file apart from the WAL: a
 * node that restarted and forgot its vote could vote twice in one term and let two leaders win it.
 * So it survives a restart whatever the journal; the node saves it before any vote leaves. Nodes in
 * the driver's JVM share one {@link #inMemory() in memory}, which outlives their ActorSystems; a
 * node in a JVM of its own keeps it on its disk ({@link DurableHardState}), which outlives a SIGKILL.
 */
public interface HardState {

  /** A node's vote: {@code candidate} in {@code term}. */
  record Vote(long term, String candidate) {
    /** Before any vote: the first leader's term, in which every node follows the configured leader. */
    public static Vote initial(String leader) {
      return new Vote(1, leader);
    }
  }

  /** Saves {@code node}'s vote, unless it already voted in a later term; returns once it is kept. */
  void save(String node, long term, String candidate);

  /** The node's last vote, or the initial one. */
  Vote of(String node, String initialLeader);

  /** The hard state of nodes that share this JVM, kept for as long as the run. */
  static HardState inMemory() {
    return new MemoryHardState();
  }

  /** Whether {@code now} replaces {@code kept}: a vote in a later or the same term (a vote is never taken back). */
  static boolean replaces(Vote now, Vote kept) {
    return kept == null || now.term() >= kept.term();
  }
}
