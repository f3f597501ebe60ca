package dev.replsim.protocol;

/**
 * A snapshot of one node's replication state, for progress lines, end-of-run checks and tests.
 *
 * @param digest the order-independent digest of the node's database, for convergence checks
 */
public record NodeStatus(
    String name,
    Role role,
    long term,
    long lastLsn,
    long durableLsn,
    long appliedLsn,
    long digest,
    int rows) {

  /** A node's part in replication. */
  public enum Role {
    LEADER,
    FOLLOWER
  }
}
