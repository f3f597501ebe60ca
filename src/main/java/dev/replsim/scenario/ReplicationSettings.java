package dev.replsim.scenario;

import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.Quorum;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.protocol.WaitPoint;
import dev.replsim.storage.RowImage;
import java.time.Duration;
import java.util.List;

/**
 * The {@code cluster.replication} section: the method, the commit mode and its parameters, and
 * how the leader batches entries.
 *
 * @param acks semi-sync: how many standbys must ack a write
 * @param timeout semi-sync: how long a write waits for acks before falling back to async
 * @param maxBatch the most entries in one shipped message
 * @param maxInFlight the most entries shipped to a follower and not yet acked as received
 * @param quorum semi-sync: ANY k or FIRST k of the standbys
 * @param standbys semi-sync: the followers whose acks count, in priority order; empty for all
 * @param waitPoint when a write waiting for acks becomes visible on the leader
 * @param rowImage logical and mixed: whether row images carry the old value too
 */
public record ReplicationSettings(
    ReplicationMethod method,
    CommitMode mode,
    int acks,
    AckLevel ackLevel,
    Duration timeout,
    int maxBatch,
    long maxInFlight,
    Quorum quorum,
    List<String> standbys,
    WaitPoint waitPoint,
    RowImage rowImage) {

  public ReplicationSettings {
    standbys = List.copyOf(standbys);
  }

  /** ANY k over every follower, visible after sync, minimal row images. */
  public ReplicationSettings(ReplicationMethod method, CommitMode mode, int acks, AckLevel ackLevel,
      Duration timeout, int maxBatch, long maxInFlight) {
    this(method, mode, acks, ackLevel, timeout, maxBatch, maxInFlight, Quorum.ANY, List.of(),
        WaitPoint.AFTER_SYNC, RowImage.MINIMAL);
  }
}
