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
    FailoverStats failover,
    Linearizability linearizability,
    List<Recovery> recoveries) {

  /** Without recoveries, for results built before they existed. */
  public Summary(ScenarioInfo scenario, ClusterInfo cluster, Writes writes, LatencyStats commitLatencyMs,
      Map<String, FollowerLag> lag, Reads reads, List<Failover> failovers, List<FaultRecord> faults,
      Convergence convergence, NetworkStats network, Throughput throughput, Run run, Replication replication,
      FailoverStats failover, Linearizability linearizability) {
    this(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence, network,
        throughput, run, replication, failover, linearizability, List.of());
  }

  /** Without the replication figures, for results built before they existed. */
  public Summary(ScenarioInfo scenario, ClusterInfo cluster, Writes writes, LatencyStats commitLatencyMs,
      Map<String, FollowerLag> lag, Reads reads, List<Failover> failovers, List<FaultRecord> faults,
      Convergence convergence, NetworkStats network, Throughput throughput, Run run) {
    this(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence, network,
        throughput, run, Replication.NONE, FailoverStats.NONE, null);
  }

  /**
   * Without the failover figures or a linearizability check (null: the run did not ask for one),
   * for results built before they existed.
   */
  public Summary(ScenarioInfo scenario, ClusterInfo cluster, Writes writes, LatencyStats commitLatencyMs,
      Map<String, FollowerLag> lag, Reads reads, List<Failover> failovers, List<FaultRecord> faults,
      Convergence convergence, NetworkStats network, Throughput throughput, Run run, Replication replication) {
    this(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence, network,
        throughput, run, replication, FailoverStats.NONE, null);
  }

  /** This summary with these reads and this linearizability check. */
  public Summary withChecks(Reads reads, Linearizability linearizability) {
    return new Summary(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence,
        network, throughput, run, replication, failover, linearizability, recoveries);
  }

  /** This summary with these recoveries. */
  public Summary withRecoveries(List<Recovery> recoveries) {
    return new Summary(scenario, cluster, writes, commitLatencyMs, lag, reads, failovers, faults, convergence,
        network, throughput, run, replication, failover, linearizability, recoveries);
  }

  /**
   * A node that came (back) into the cluster: restarted after a crash ({@code kind} "restart", its
   * disk lost: {@code wiped}) or added mid-run ({@code kind} "add-follower"). {@code recoverMs}: the
   * time to rebuild its state from its journal (its last snapshot and the entries after it,
   * {@code entriesReplayed} of them); {@code snapshotBytes}: the snapshots its leader sent it since;
   * {@code caughtUpMs}: from its start until it applied an entry less than {@code lagThresholdMs}
   * after the leader appended it, or the leader's last entry (null if it never did). {@code journal}: memory, h2 or jdbc.
   */
  public record Recovery(String node, String kind, double atMs, String journal, boolean wiped, double recoverMs,
      long entriesReplayed, long recoveredLsn, long snapshotBytes, double lagThresholdMs, Double caughtUpMs) {}

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

  /**
   * Reads and the anomalies found in them. The first five members are the contract's; the counts
   * of anomalies come from the recorded history ({@code checked}: false when it was not recorded).
   *
   * @param total reads answered
   * @param failed reads that got no answer (their node was down, or they timed out)
   * @param probes read-after-write probes among the reads answered
   * @param byNode reads answered by each node
   * @param unplaced reads whose value the checkers could not place in its key's order (skipped)
   * @param staleness how stale the stale reads were
   * @param session how the session guarantee was kept
   * @param tVisibility the probability of a stale read against the time since the last commit
   */
  public record Reads(
      long total,
      long stale,
      long readYourWritesViolations,
      long monotonicReadViolations,
      long consistentPrefixViolations,
      long failed,
      long probes,
      Map<String, Long> byNode,
      boolean checked,
      long unplaced,
      Staleness staleness,
      Session session,
      Visibility tVisibility) {

    public static final Reads NONE = new Reads(0, 0, 0, 0, 0);

    /** The contract's members only. */
    public Reads(long total, long stale, long readYourWritesViolations, long monotonicReadViolations,
        long consistentPrefixViolations) {
      this(total, stale, readYourWritesViolations, monotonicReadViolations, consistentPrefixViolations, 0, 0,
          Map.of(), false, 0, Staleness.NONE, Session.NONE, Visibility.NONE);
    }
  }

  /** How stale the stale reads were: in versions missed, and in ms since the newest missed one was acknowledged. */
  public record Staleness(Amounts versions, Amounts ms) {
    public static final Staleness NONE = new Staleness(Amounts.NONE, Amounts.NONE);
  }

  /** Mean, median, 99th percentile and maximum of an amount over the offending reads. */
  public record Amounts(double mean, double p50, double p99, double max) {
    public static final Amounts NONE = new Amounts(0, 0, 0, 0);
  }

  /**
   * How the session guarantee was kept. {@code waited}: reads a follower held until it had applied
   * the session's position, then answered; {@code redirected}: reads it did not get there for in
   * time, which the leader answered; {@code holdMs}: how long followers held reads (both kinds).
   */
  public record Session(String guarantee, long waited, long redirected, LatencyStats holdMs) {
    public static final Session NONE = new Session("none", 0, 0, LatencyStats.EMPTY);
  }

  /**
   * The t-visibility curve over the reads of {@code over} ({@code followers}, or {@code leader}
   * when only the leader was read): per bucket of {@code bucketMs} of time since the newest
   * acknowledged write to the key, the reads and how many were stale. Buckets after the last one
   * with a stale read are left out (every read there was fresh).
   */
  public record Visibility(String over, double bucketMs, List<VisibilityPoint> points) {
    public static final Visibility NONE = new Visibility("followers", 10, List.of());
  }

  /** One bucket of the t-visibility curve: reads invoked {@code tMs} to {@code tMs + bucketMs} after the commit. */
  public record VisibilityPoint(double tMs, long reads, long stale, double probability) {}

  /**
   * The linearizability check of the history (every key a register), when asked for.
   *
   * @param verdict {@code linearizable}, {@code not linearizable} or {@code unknown (too large)}
   * @param operations operations in the history
   * @param checkedOperations operations checked: all, or those of a prefix of the run
   * @param checkedUpToMs where the checked prefix ends, or null when the whole history was checked
   * @param counterexamples minimal counterexamples of the first failing keys
   */
  public record Linearizability(
      String verdict,
      long operations,
      long checkedOperations,
      Double checkedUpToMs,
      long keys,
      long notLinearizableKeys,
      long unknownKeys,
      List<Counterexample> counterexamples) {}

  /** A few operations on one key that cannot be ordered, one line each, as the console prints them. */
  public record Counterexample(String key, String explanation, List<String> operations) {}


  /**
   * One change of leader. {@code atMs}: when the new leader won. {@code faultAtMs}: when the fault
   * that struck the old leader (null when none did). {@code cause}: that fault's action,
   * {@code switchover} for a planned one, or {@code none}. {@code needless}: the old leader was
   * alive and reachable (no crash, pause or partition struck it; at most a slower link): its
   * followers only heard it too late. {@code detectionMs}: from the fault to the first follower
   * suspecting the leader. {@code electionMs}: from that suspicion (or the switchover's start) to
   * the new leader winning. {@code unavailableMs}: from the last write acknowledged before the
   * fault to the first one the new leader acknowledged (null if it acknowledged none).
   * {@code lostWrites}: acknowledged writes of the terms this failover ended that the final
   * leader's log lacks. {@code downtimeMs}: from the fault that struck the old leader to the new
   * leader winning (the Raft paper's "time without leader"), to the microsecond; null without a
   * fault on the old leader and for a switchover.
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
      boolean needless,
      Double downtimeMs) {

    /** A failover caused by a crash, with the figures the first output contract named. */
    public Failover(double atMs, String oldLeader, String newLeader, long term, double detectionMs,
        double unavailableMs, long lostWrites) {
      this(atMs, oldLeader, newLeader, term, detectionMs, unavailableMs, lostWrites, "crash", null, null, false,
          null);
    }

    /** A failover without {@code downtimeMs}, as earlier summaries had it. */
    public Failover(double atMs, String oldLeader, String newLeader, long term, Double detectionMs,
        Double unavailableMs, long lostWrites, String cause, Double faultAtMs, Double electionMs, boolean needless) {
      this(atMs, oldLeader, newLeader, term, detectionMs, unavailableMs, lostWrites, cause, faultAtMs, electionMs,
          needless, null);
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

  /**
   * How the run itself went: which driver ran it, the time of each phase and the JVM's peak heap.
   * {@code warmUpMs}: the part of the start-up spent rehearsing the workload until the JIT compiler
   * went quiet; {@code checkMs}: the time spent checking the recorded history at the end (0 when
   * none was recorded). In a {@code virtual} run every figure about the host (start-up, warm-up,
   * check time, heap) is 0, so that the summary depends on the scenario and seed alone, and write
   * and drain times are simulated; the host's figures go to {@code run.json}.
   */
  public record Run(double startupMs, double warmUpMs, double writeMs, double drainMs, boolean drained,
      long peakHeapBytes, double checkMs, String driver) {

    /** A live run. */
    public Run(double startupMs, double warmUpMs, double writeMs, double drainMs, boolean drained,
        long peakHeapBytes, double checkMs) {
      this(startupMs, warmUpMs, writeMs, drainMs, drained, peakHeapBytes, checkMs, "live");
    }

    /** A run without a warm-up. */
    public Run(double startupMs, double writeMs, double drainMs, boolean drained, long peakHeapBytes,
        double checkMs) {
      this(startupMs, 0, writeMs, drainMs, drained, peakHeapBytes, checkMs);
    }

    /** A run without a warm-up that checked no history. */
    public Run(double startupMs, double writeMs, double drainMs, boolean drained, long peakHeapBytes) {
      this(startupMs, writeMs, drainMs, drained, peakHeapBytes, 0);
    }
  }
}
