package dev.replsim.scenario;

import java.time.Duration;

/**
 * The {@code failover} section. So far only the heartbeat interval, which the leader also uses as
 * its replication keepalive; detection, election and fencing are planned.
 */
public record FailoverSettings(Duration heartbeatInterval) {}
