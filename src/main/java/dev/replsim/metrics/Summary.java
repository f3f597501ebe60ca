package dev.replsim.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code summary.json}, member for member as the output contract in the README
 * says. All times are milliseconds. Members that later features fill (reads, failovers) hold
 * zeros or empty lists until then.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Summary(
    ScenarioInfo scenario,
    ClusterInfo cluster,
    Writes writes,
    LatencyStats commitLatencyMs,
    Map<String, FollowerLag> lag,
    Reads reads,
    List<Failover> failovers,
    List<FaultRecord> faults,
    Convergence convergence,
    NetworkStats network,
    Throughput throughput,
    Run run) {

  /** What ran. */
  public record ScenarioInfo(String name, String file, long seed, long durationMs) {}

  /** Who took part, who leads at the end, and how they replicated. */
  public record ClusterInfo(List<String> nodes, String leader, String method, String mode) {}

  /**
   * Client writes. {@code failed}: no commit by the end of the run. {@code lost}: acknowledged but
   * absent from the final leader's log. {@code fallbacks}: semi-sync writes committed as async
   * after the timeout.
   */
  public record Writes(long attempted, long acknowledged, long failed, long lost, long fallbacks) {}

  /**
   * One follower's lag: applyMs is the time from the leader appending an entry to this follower
   * applying it; receiveMs and durableMs likewise to receiving it and making it durable.
   */
  public record FollowerLag(
      LatencyStats applyMs,
      LatencyStats receiveMs,
      LatencyStats durableMs,
      long maxEntriesBehind,
      long maxBytesBehind,
      long appliedLsn) {}

  /** Reads and the anomalies found in them. */
  public record Reads(
      long total,
      long stale,
      long readYourWritesViolations,
      long monotonicReadViolations,
      long consistentPrefixViolations) {

    public static final Reads NONE = new Reads(0, 0, 0, 0, 0);
  }

  /** One failover. */
  public record Failover(
      double atMs,
      String oldLeader,
      String newLeader,
      long term,
      double detectionMs,
      double unavailableMs,
      long lostWrites) {}

  /**
   * One fault of the run, as it happened: the nodes it hit and when it was in force ({@code untilMs}
   * is null when it was never undone).
   */
  public record FaultRecord(String id, String action, List<String> nodes, double atMs, Double untilMs) {

    public FaultRecord until(double ms) {
      return new FaultRecord(id, action, nodes, atMs, ms);
    }
  }

  /**
   * Whether every running replica ended in the leader's state; nodes crashed at the end are listed
   * apart, in {@code downNodes}.
   */
  public record Convergence(boolean converged, List<String> divergentNodes, List<String> downNodes) {}

  /**
   * Messages through the emulated network. {@code deliveryErrorMs}: how late the live links
   * delivered messages against their sampled delivery instant.
   */
  public record NetworkStats(
      long sent, long delivered, long dropped, long duplicated, long bytes, LatencyStats deliveryErrorMs) {}

  /** Acknowledged writes per second over the write phase, and entries applied per second per follower. */
  public record Throughput(double writesPerSec, double replicatedWritesPerSec) {}

  /** How the run itself went: wall time of each phase and the JVM's peak heap. */
  public record Run(double startupMs, double writeMs, double drainMs, boolean drained, long peakHeapBytes) {}
}
