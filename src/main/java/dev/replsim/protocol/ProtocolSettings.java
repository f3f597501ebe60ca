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
 */
public record ProtocolSettings(
    CommitPolicy commit, int maxBatchEntries, long maxInFlightEntries, long heartbeatIntervalMicros,
    ElectionSettings election) {

  /** Without failover. */
  public ProtocolSettings(CommitPolicy commit, int maxBatchEntries, long maxInFlightEntries,
      long heartbeatIntervalMicros) {
    this(commit, maxBatchEntries, maxInFlightEntries, heartbeatIntervalMicros, ElectionSettings.NONE);
  }

  public ProtocolSettings {
    if (maxBatchEntries < 1 || maxInFlightEntries < maxBatchEntries || heartbeatIntervalMicros < 1) {
      throw new IllegalArgumentException("invalid protocol settings: need max-batch >= 1 (got "
          + maxBatchEntries + "), max-in-flight >= max-batch (got " + maxInFlightEntries
          + ") and a positive heartbeat interval (got " + heartbeatIntervalMicros + "us)");
    }
  }
}
