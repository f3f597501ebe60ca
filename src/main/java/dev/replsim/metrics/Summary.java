package dev.replsim.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code summary.json}, member for member as the output contract in the README
 * says. All times are milliseconds. Members that later features fill (reads, failovers) hold
 * zeros or empty lists until then. Members are only ever added, never renamed: scripts read them.
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
    Run run,
    Replication replication,
    FailoverStats failover) {

  /** Without the failover figures, for results built before they existed. */
  public Summary(ScenarioInfo scenario, ClusterInfo cluster, Writes writes, LatencyStats commitLatencyMs,
      Map<String, FollowerLag> lag, Reads reads, List<Failover> failovers, List<FaultRecord> faults,
      Convergence convergence, NetworkStats network, Throughput throughput, Run run, Replication replication) {
    this(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence, network,
        throughput, run, replication, FailoverStats.NONE);
  }

  /** Without the replication figures, for results built before they existed. */
  public Summary(ScenarioInfo scenario, ClusterInfo cluster, Writes writes, LatencyStats commitLatencyMs,
      Map<String, FollowerLag> lag, Reads reads, List<Failover> failovers, List<FaultRecord> faults,
      Convergence convergence, NetworkStats network, Throughput throughput, Run run) {
    this(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence, network,
        throughput, run, Replication.NONE);
  }

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
      long appliedLsn,
      PostgresLag postgres,
      MysqlLag mysql) {

    /** Without the databases' own estimates. */
    public FollowerLag(LatencyStats applyMs, LatencyStats receiveMs, LatencyStats durableMs,
        long maxEntriesBehind, long maxBytesBehind, long appliedLsn) {
      this(applyMs, receiveMs, durableMs, maxEntriesBehind, maxBytesBehind, appliedLsn, PostgresLag.NONE,
          MysqlLag.NONE);
    }
  }

  /**
   * A follower as PostgreSQL's {@code pg_stat_replication} shows it: write, flush and replay lag
   * as the leader estimates them from the follower's replies, on its own clock (polled every sample
   * interval, NULLs left out), and the last sent, write, flush and replay positions in bytes of log.
   */
  public record PostgresLag(
      LatencyStats writeLagMs,
      LatencyStats flushLagMs,
      LatencyStats replayLagMs,
      long sentLsnBytes,
      long writeLsnBytes,
      long flushLsnBytes,
      long replayLsnBytes) {

    public static final PostgresLag NONE =
        new PostgresLag(LatencyStats.EMPTY, LatencyStats.EMPTY, LatencyStats.EMPTY, 0, 0, 0, 0);
  }

  /**
   * A follower as MySQL's {@code SHOW REPLICA STATUS} shows it: {@code Seconds_Behind_Source},
   * polled every sample interval, in whole seconds (the statistics in seconds, not milliseconds).
   */
  public record MysqlLag(LatencyStats secondsBehindSource, long maxSecondsBehindSource) {

    public static final MysqlLag NONE = new MysqlLag(LatencyStats.EMPTY, 0);
  }

  /** Reads and the anomalies found in them. */
  public record Reads(
      long total,
      long stale,
      long readYourWritesViolations,
      long monotonicReadViolations,
      long consistentPrefixViolations) {

    public static final Reads NONE = new Reads(0, 0, 0, 0, 0);
  }

  /**
   * One change of leader. {@code atMs}: when the new leader won. {@code faultAtMs}: when the fault
   * that took the old leader out struck (null when none did: a needless failover, the old leader
   * was alive and only slow to be heard). {@code cause}: that fault's action, {@code switchover}
   * for a planned one, or {@code none}. {@code detectionMs}: from the fault to the first follower
   * suspecting the leader. {@code electionMs}: from that suspicion (or the switchover's start) to
   * the new leader winning. {@code unavailableMs}: from the last write acknowledged before the
   * fault to the first one the new leader acknowledged (null if it acknowledged none).
   * {@code lostWrites}: acknowledged writes of the terms this failover ended that the final
   * leader's log lacks.
   */
  public record Failover(
      double atMs,
      String oldLeader,
      String newLeader,
      long term,
      Double detectionMs,
      Double unavailableMs,
      long lostWrites,
      String cause,
      Double faultAtMs,
      Double electionMs,
      boolean needless) {

    /** A failover caused by a crash, with the figures the first output contract named. */
    public Failover(double atMs, String oldLeader, String newLeader, long term, double detectionMs,
        double unavailableMs, long lostWrites) {
      this(atMs, oldLeader, newLeader, term, detectionMs, unavailableMs, lostWrites, "crash", null, null, false);
    }
  }

  /**
   * Failover across the run. {@code needlessFailovers}: failovers with no fault on the old leader.
   * {@code conflictingWrites}: writes acknowledged by a leader after a newer leader had been
   * elected (split brain: at most one of the two histories can survive). {@code maxLeaders}: the
   * most nodes acting as leader at once; {@code multipleLeadersMs}: how long more than one did.
   */
  public record FailoverStats(
      String strategy,
      boolean fencing,
      int failovers,
      int needlessFailovers,
      long conflictingWrites,
      int maxLeaders,
      double multipleLeadersMs) {

    public static final FailoverStats NONE = new FailoverStats("none", true, 0, 0, 0, 1, 0);
  }

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
   * Whether every running replica ended in the leader's state. {@code downNodes}: nodes crashed at
   * the end (not counted as divergent). {@code refusedNodes}: followers that refused the replication
   * stream (WAL of another storage version), so they lack what came after (and are divergent).
   */
  public record Convergence(
      boolean converged, List<String> divergentNodes, List<String> downNodes, List<String> refusedNodes) {}

  /**
   * Messages through the emulated network. {@code deliveryErrorMs}: how late the live links
   * delivered messages against their sampled delivery instant.
   */
  public record NetworkStats(
      long sent, long delivered, long dropped, long duplicated, long bytes, LatencyStats deliveryErrorMs) {}

  /** Acknowledged writes per second over the write phase, and entries applied per second per follower. */
  public record Throughput(double writesPerSec, double replicatedWritesPerSec) {}

  /**
   * What the replication method cost in bytes. {@code bytesPerWrite}: the mean modelled size of a
   * write's log entry (its framing and its change: statement, row images or WAL). {@code
   * shippedBytesPerWrite}: the bytes of replication messages the leader sent to one follower per
   * write (message framing and resends included), averaged over the followers. {@code
   * fullPageImages}: WAL pages logged whole after a checkpoint.
   */
  public record Replication(
      String method,
      long entries,
      long logBytes,
      double bytesPerWrite,
      long shippedBytes,
      double shippedBytesPerWrite,
      long fullPageImages) {

    public static final Replication NONE = new Replication("", 0, 0, 0, 0, 0, 0);
  }

  /** How the run itself went: wall time of each phase and the JVM's peak heap. */
  public record Run(double startupMs, double writeMs, double drainMs, boolean drained, long peakHeapBytes) {}
}
