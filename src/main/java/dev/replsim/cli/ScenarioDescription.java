package dev.replsim.cli;

import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.WaitPoint;
import dev.replsim.random.Durations;
import dev.replsim.fault.FaultDescription;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.scenario.LinkSettings;
import dev.replsim.scenario.RegionLinkSettings;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.CheckSettings;
import dev.replsim.scenario.ReadSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.StatementMix;
import dev.replsim.scenario.StorageSettings;
import dev.replsim.scenario.WorkloadSettings;
import dev.replsim.storage.RowImage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A short human description of a loaded scenario, as {@code replsim validate} prints it, so a user
 * can see at a glance what the defaults and overrides came to.
 */
final class ScenarioDescription {

  private ScenarioDescription() {}

  static void print(Scenario scenario, PrintWriter out) {
    row(out, "scenario", scenario.simulation().name()
        + (scenario.file() == null ? "" : " (" + scenario.file() + ")"));
    row(out, "seed", Long.toString(scenario.simulation().seed()));
    row(out, "duration", format(scenario.simulation().duration()) + ", sampled every "
        + format(scenario.simulation().sampleInterval()) + ", drain up to "
        + format(scenario.simulation().drainTimeout()));
    row(out, "nodes", String.join(", ", scenario.nodes()) + " (" + scenario.leader() + " leads at the start)");
    row(out, "replication", replication(scenario.cluster().replication()));
    row(out, "network", scenario.network().defaults().describe() + " on every link");
    if (scenario.network().links().isEmpty()) {
      row(out, "links", "no overrides");
    }
    scenario.network().regions().forEach((region, nodes) ->
        row(out, "region", region + ": " + String.join(", ", nodes)));
    for (RegionLinkSettings pair : scenario.network().regionLinks()) {
      String arrow = pair.oneWay() ? " -> " : " <-> ";
      row(out, "region link", pair.from() + arrow + pair.to() + ": " + pair.patch().describe());
    }
    for (LinkSettings link : scenario.network().links()) {
      row(out, "link", link.from() + " -> " + link.to() + ": "
          + link.patch().describe());
    }
    row(out, "apply time", scenario.cluster().applyTime().describe() + " per entry");
    scenario.cluster().nodeApplyTime().forEach((node, time) ->
        row(out, "apply time", node + ": " + time.describe() + " per entry"));
    row(out, "storage", storage(scenario.cluster().storage()));
    row(out, "journal", scenario.cluster().durable()
        ? scenario.cluster().persistence() + ", a snapshot every " + scenario.cluster().snapshotInterval()
            + " entries, the leader keeps up to " + scenario.cluster().logRetention() + " entries"
        : "memory (lost on a crash)");
    row(out, "writes", writes(scenario.workload()));
    if (!scenario.workload().statements().setOnly()) {
      row(out, "statements", statements(scenario.workload().statements()));
    }
    if (scenario.workload().reads().enabled()) {
      row(out, "reads", reads(scenario.workload().reads()));
    }
    if (scenario.check().linearizable()) {
      row(out, "check", "linearizability of the history (up to "
          + String.format(Locale.ROOT, "%,d", CheckSettings.MAX_LINEARIZABLE_OPERATIONS) + " operations)");
    }
    row(out, "report", "message diagram of " + format(scenario.report().sequenceWindow())
        + " (around the first fault, else from the start)");
    if (scenario.faults().isEmpty()) {
      row(out, "faults", "none");
    }
    for (ScheduledFault f : scenario.faults()) {
      row(out, "fault", FaultDescription.describe(f));
    }
    for (Scenario.Variant variant : scenario.variants()) {
      ReadSettings reads = variant.scenario().workload().reads();
      row(out, "variant", variant.name() + ": " + replication(variant.scenario().cluster().replication())
          + (reads.enabled() ? "; session " + name(reads.guarantee()) : ""));
    }
    out.println("OK");
    out.flush();
  }

  private static String replication(ReplicationSettings replication) {
    String method = name(replication.method())
        + (replication.rowImage() == RowImage.FULL ? " (full row images)" : "");
    if (replication.mode() != CommitMode.SEMI_SYNC) {
      return method + ", " + name(replication.mode()) + ", acks at " + name(replication.ackLevel());
    }
    String standbys = replication.standbys().isEmpty() ? "" : " of [" + String.join(", ", replication.standbys()) + "]";
    String visible = replication.waitPoint() == WaitPoint.AFTER_COMMIT ? ", visible after-commit" : "";
    return method + ", semi-sync " + name(replication.quorum()).toUpperCase(Locale.ROOT) + " " + replication.acks()
        + standbys + " at " + name(replication.ackLevel()) + ", timeout " + format(replication.timeout()) + visible;
  }

  private static String storage(StorageSettings storage) {
    StringBuilder text = new StringBuilder("page format version " + storage.version());
    storage.nodeVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append(", ").append(e.getKey()).append(" at ").append(e.getValue()));
    return text + "; WAL checkpoint every " + format(storage.checkpointInterval());
  }

  private static String statements(StatementMix mix) {
    StringBuilder text = new StringBuilder();
    double[] shares = mix.shares();
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] > 0) {
        text.append(text.length() == 0 ? "" : ", ").append(StatementMix.KINDS.get(i)).append(' ')
            .append(trim(shares[i]));
      }
    }
    return text.toString();
  }

  private static String writes(WorkloadSettings workload) {
    String rate = workload.unlimited()
        ? "unlimited (each client keeps up to " + workload.maxOutstanding() + " writes outstanding)"
        : String.format(Locale.ROOT, "%s/s %s", trim(workload.writeRate()), name(workload.arrival()));
    String keys = workload.keys() + " keys " + name(workload.keyDistribution())
        + (workload.keyDistribution() == WorkloadSettings.KeyDistribution.ZIPFIAN
            ? "(" + trim(workload.zipfExponent()) + ")" : "");
    return rate + " from " + workload.clients() + " clients, " + keys + ", " + workload.valueSize() + "-byte values";
  }

  /** {@code 400/s from followers (random), probes 10ms after each write, session read-your-writes (...)}. */
  private static String reads(ReadSettings r) {
    String from = r.from() == ReadSettings.ReadFrom.FOLLOWERS
        ? "followers (" + name(r.followerChoice()) + ")"
        : r.from() == ReadSettings.ReadFrom.NEAREST ? "the nearest follower" : "the leader";
    String rate = r.rate() > 0 ? trim(r.rate()) + "/s" : "only probes";
    String probes = r.readAfterWrite() ? ", a probe " + format(r.readAfterWriteDelay()) + " after each write" : "";
    String session = r.guarantee() == ReadSettings.SessionGuarantee.NONE ? "no session guarantee"
        : "session " + name(r.guarantee()) + " (a follower holds a read up to " + format(r.sessionTimeout()) + ")";
    return rate + " from " + from + probes + ", " + session;
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-12s %s%n", label, value);
  }

  /** An enum constant as scenarios write it: {@code SEMI_SYNC} is {@code semi-sync}. */
  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String format(Duration duration) {
    return Durations.format(duration.toNanos() / 1000);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
