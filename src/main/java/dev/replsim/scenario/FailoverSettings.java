package dev.replsim.scenario;

import dev.replsim.protocol.ElectionSettings;
import java.time.Duration;

/**
 * The {@code failover} section: how often the leader sends heartbeats (also its replication
 * keepalive), and how a dead leader is replaced: the strategy, the timeout after which a follower
 * suspects the leader, the detector, and whether deposed leaders are fenced.
 *
 * @param election the protocol's election settings, the timeout in microseconds
 */
public record FailoverSettings(Duration heartbeatInterval, Duration timeout, ElectionSettings election) {

  /** No failover, with the given heartbeat interval. */
  public FailoverSettings(Duration heartbeatInterval) {
    this(heartbeatInterval, Duration.ofMillis(500), ElectionSettings.NONE);
  }
}
