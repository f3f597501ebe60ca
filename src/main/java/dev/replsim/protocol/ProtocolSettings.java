package dev.replsim.protocol;

/**
 * The replication protocol's parameters, built once from the scenario.
 *
 * @param commit the commit rule
 * @param maxBatchEntries the most entries the leader ships in one message
 * @param maxInFlightEntries the most entries shipped to a follower beyond what it has acked as
 *     received, like a TCP window: a follower that cannot keep up stops the leader from shipping
 *     into the void
 * @param heartbeatIntervalMicros how often the leader sends heartbeats; also the first back-off
 *     of a follower's repeated resend requests
 * @param election how a dead leader is replaced
 * @param logRetentionEntries the most entries the leader keeps behind its last LSN for followers
 *     that have not received them: a follower further behind gets a snapshot instead, so that a
 *     crashed follower cannot make the leader hold its whole log ({@code cluster.log-retention})
 */
public record ProtocolSettings(
    CommitPolicy commit, int maxBatchEntries, long maxInFlightEntries, long heartbeatIntervalMicros,
    ElectionSettings election, long logRetentionEntries) {

  /** Keeping every entry a follower still needs. */
  public ProtocolSettings(CommitPolicy commit, int maxBatchEntries, long maxInFlightEntries,
      long heartbeatIntervalMicros, ElectionSettings election) {
    this(commit, maxBatchEntries, maxInFlightEntries, heartbeatIntervalMicros, election, Long.MAX_VALUE);
  }

  /** Without failover. */
  public ProtocolSettings(CommitPolicy commit, int maxBatchEntries, long maxInFlightEntries,
      long heartbeatIntervalMicros) {
    this(commit, maxBatchEntries, maxInFlightEntries, heartbeatIntervalMicros, ElectionSettings.NONE);
  }

  public ProtocolSettings {
    if (maxBatchEntries < 1 || maxInFlightEntries < maxBatchEntries || heartbeatIntervalMicros < 1
        || logRetentionEntries < 0) {
      throw new IllegalArgumentException("invalid protocol settings: need max-batch >= 1 (got "
          + maxBatchEntries + "), max-in-flight >= max-batch (got " + maxInFlightEntries
          + ") a positive heartbeat interval (got " + heartbeatIntervalMicros + "us) and a log retention >= 0 (got "
          + logRetentionEntries + ")");
    }
  }

  /** The same settings under another commit rule (a {@code commit} fault). */
  public ProtocolSettings with(CommitPolicy commit) {
    return new ProtocolSettings(commit, maxBatchEntries, maxInFlightEntries, heartbeatIntervalMicros, election,
        logRetentionEntries);
  }
}
