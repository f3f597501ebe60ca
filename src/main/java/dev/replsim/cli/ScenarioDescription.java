package dev.replsim.cli;

import dev.replsim.protocol.CommitMode;
import dev.replsim.random.Durations;
import dev.replsim.fault.FaultDescription;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.scenario.LinkSettings;
import dev.replsim.scenario.RegionLinkSettings;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.WorkloadSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

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
    row(out, "writes", writes(scenario.workload()));
    row(out, "report", "message diagram of " + format(scenario.report().sequenceWindow())
        + " (around the first fault, else from the start)");
    if (scenario.faults().isEmpty()) {
      row(out, "faults", "none");
    }
    for (ScheduledFault f : scenario.faults()) {
      row(out, "fault", FaultDescription.describe(f));
    }
    out.println("OK");
    out.flush();
  }

  private static String replication(ReplicationSettings replication) {
    String text = name(replication.method()) + ", " + name(replication.mode()) + ", acks "
        + replication.acks() + " at " + name(replication.ackLevel());
    return replication.mode() == CommitMode.SEMI_SYNC
        ? text + ", timeout " + format(replication.timeout())
        : text;
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
