package dev.replsim.metrics;

import dev.replsim.protocol.ElectionSettings;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@code summary.json}'s contents from what the recorder measured and the nodes' final state. */
public final class SummaryBuilder {

  private SummaryBuilder() {}

  /**
   * @param finalStatus each running node's state after the drain, by name (crashed nodes absent)
   * @param leaderName the node that leads at the end
   * @param faults the faults as they happened
   * @param writeSeconds how long the writes ran
   * @param run wall times of the phases and the peak heap
   */
  public static Summary build(Scenario scenario, Recorder recorder, Map<String, NodeStatus> finalStatus,
      String leaderName, List<Summary.FaultRecord> faults, double writeSeconds, Summary.Run run,
      ElectionSettings election, long nowMicros) {
    NodeStatus leader = finalStatus.get(leaderName);
    FailoverFigures.Figures failover = FailoverFigures.of(recorder, election,
        FailoverFigures.finalLog(finalStatus.values(), leaderName), nowMicros);
    Map<String, Summary.FollowerLag> lag = new LinkedHashMap<>();
    long minAppliedAtWriteEnd = Long.MAX_VALUE;
    for (FollowerTrack f : recorder.everFollowed()) {
      if (f.name.equals(leaderName) && f.applyLag.total().getTotalCount() == 0) {
        continue; // the leader, which never followed
      }
      lag.put(f.name, new Summary.FollowerLag(
          f.applyLag.stats(),
          f.receiveLag.stats(),
          f.durableLag.stats(),
          f.maxEntriesBehind,
          f.maxBytesBehind,
          f.appliedLsn,
          postgres(recorder, f.reported),
          new Summary.MysqlLag(LatencyStats.ofValues(f.reported.secondsBehindSource),
              f.reported.secondsBehindSource.getMaxValue())));
      if (finalStatus.containsKey(f.name) && !f.name.equals(leaderName)) { // follows the final leader
        minAppliedAtWriteEnd = Math.min(minAppliedAtWriteEnd, f.appliedAtWriteEnd);
      }
    }
    if (minAppliedAtWriteEnd == Long.MAX_VALUE) {
      minAppliedAtWriteEnd = recorder.leaderLastLsn();
    }
    List<String> refused = new ArrayList<>();
    recorder.followers().forEach(f -> {
      if (f.refusal != null) {
        refused.add(f.name);
      }
    });
    long acknowledged = recorder.acknowledged();
    return new Summary(
        new Summary.ScenarioInfo(scenario.simulation().name(), scenario.file().toString(),
            scenario.simulation().seed(), scenario.simulation().duration().toMillis()),
        new Summary.ClusterInfo(scenario.nodes(), leaderName,
            kebab(scenario.cluster().replication().method()), kebab(scenario.cluster().replication().mode())),
        new Summary.Writes(recorder.attempted(), acknowledged, recorder.attempted() - acknowledged,
            failover.lostWrites(), recorder.fallbacks()),
        recorder.commitLatency().stats(),
        lag,
        Summary.Reads.NONE,
        failover.failovers(),
        faults,
        convergence(scenario, finalStatus, leader, refused),
        recorder.network().stats(),
        new Summary.Throughput(round(acknowledged / writeSeconds), round(minAppliedAtWriteEnd / writeSeconds)),
        run,
        replication(scenario, recorder, recorder.leaderLastLsn()),
        failover.stats(),
        null);
  }

  private static Summary.PostgresLag postgres(Recorder recorder, ReportedLag r) {
    return new Summary.PostgresLag(
        LatencyStats.of(r.writeLag),
        LatencyStats.of(r.flushLag),
        LatencyStats.of(r.replayLag),
        recorder.bytesAt(r.sentLsn),
        recorder.bytesAt(r.writeLsn),
        recorder.bytesAt(r.flushLsn),
        recorder.bytesAt(r.replayLsn));
  }

  /** Bytes on the log and on the wire, per write. */
  private static Summary.Replication replication(Scenario scenario, Recorder recorder, long entries) {
    long shipped = 0;
    for (FollowerTrack f : recorder.followers()) {
      shipped += f.shippedBytes;
    }
    int followers = recorder.followers().size();
    double perWrite = entries == 0 ? 0 : recorder.leaderBytes() / (double) entries;
    double shippedPerWrite = entries == 0 || followers == 0 ? 0 : shipped / (double) entries / followers;
    return new Summary.Replication(kebab(scenario.cluster().replication().method()), entries,
        recorder.leaderBytes(), round(perWrite), shipped, round(shippedPerWrite), recorder.fullPageImages());
  }

  /** Every running node against the leader; without a running leader nothing has converged. */
  private static Summary.Convergence convergence(Scenario scenario, Map<String, NodeStatus> finalStatus,
      NodeStatus leader, List<String> refused) {
    List<String> divergent = new ArrayList<>();
    List<String> down = new ArrayList<>();
    for (String node : scenario.nodes()) {
      NodeStatus s = finalStatus.get(node);
      if (s == null) {
        down.add(node);
      } else if (leader != null && (s.digest() != leader.digest() || s.appliedLsn() != leader.lastLsn())) {
        divergent.add(node);
      }
    }
    return new Summary.Convergence(leader != null && divergent.isEmpty(), divergent, down, refused);
  }

  /** {@code SEMI_SYNC} as scenarios write it: {@code semi-sync}. */
  public static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * Notes, at the end of the writes, how far each follower had applied: the entries it applied,
   * or its applied LSN when that is further (a former leader applied what it wrote itself, and
   * LSNs go on across an election's terms).
   */
  public static void markWriteEnd(Recorder recorder) {
    for (FollowerTrack f : recorder.followers()) {
      f.appliedAtWriteEnd = Math.max(f.appliedEntries, f.appliedLsn);
    }
  }
}
