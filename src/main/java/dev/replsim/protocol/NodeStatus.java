package dev.replsim.protocol;

/**
 * A snapshot of one node's replication state, for progress lines, end-of-run checks and tests.
 *
 * @param digest the order-independent digest of the node's database, for convergence checks
 * @param history the node's term history, as {@link TermHistory#export()} writes it: with
 *     {@code lastLsn}, which term wrote each entry of its log, to find lost writes
 */
public record NodeStatus(
    String name,
    Role role,
    long term,
    long lastLsn,
    long durableLsn,
    long appliedLsn,
    long digest,
    int rows,
    java.util.List<Long> history) {

  public NodeStatus {
    history = java.util.List.copyOf(history);
  }

  /** A status without a term history (a node whose log has a single term, or none). */
  public NodeStatus(String name, Role role, long term, long lastLsn, long durableLsn, long appliedLsn, long digest,
      int rows) {
    this(name, role, term, lastLsn, durableLsn, appliedLsn, digest, rows, java.util.List.of());
  }

  /** The term that wrote {@code lsn} in this node's log; 0 if it holds no such entry. */
  public long termAt(long lsn) {
    return TermHistory.of(history).termAt(lsn, lastLsn);
  }

  /** A node's part in replication. */
  public enum Role {
    LEADER,
    FOLLOWER,
    CANDIDATE
  }
}
