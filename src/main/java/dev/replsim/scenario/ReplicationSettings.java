package dev.replsim.scenario;

import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import java.time.Duration;

/**
 * The {@code cluster.replication} section: the method, the commit mode and its parameters, and
 * how the leader batches entries.
 *
 * @param acks semi-sync: how many followers must ack a write
 * @param timeout semi-sync: how long a write waits for acks before falling back to async
 * @param maxBatch the most entries in one shipped message
 * @param maxInFlight the most entries shipped to a follower and not yet acked as received
 */
public record ReplicationSettings(
    ReplicationMethod method,
    CommitMode mode,
    int acks,
    AckLevel ackLevel,
    Duration timeout,
    int maxBatch,
    long maxInFlight) {}
