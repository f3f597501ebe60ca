package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.metrics.Summary;
import dev.replsim.protocol.CommitMode;
import dev.replsim.scenario.ReadSettings;
import dev.replsim.scenario.Scenario;
import java.util.List;

/**
 * Under {@code sync} with fencing and the leader's lease, reads of the leader are linearizable: a run that asked for the
 * check ({@code check.linearizable}) and read only from the leader must not be found otherwise.
 * (Follower reads are not linearizable, by design; nor are those of a cluster without fencing or
 * leases, whose deposed leader may still answer.)
 */
public final class LinearizableLeaderReads implements Invariant {

  @Override
  public String name() {
    return "linearizable-leader-reads";
  }

  @Override
  public List<String> violations(Scenario scenario, Result result) {
    Summary.Linearizability check = result.summary().linearizability();
    if (check == null || !applies(scenario) || !check.verdict().equals("not linearizable")) {
      return List.of();
    }
    return check.counterexamples().stream()
        .map(c -> "key " + c.key() + " is not linearizable: " + c.explanation() + " " + c.operations())
        .toList();
  }

  private static boolean applies(Scenario scenario) {
    return scenario.cluster().replication().mode() == CommitMode.SYNC
        && scenario.workload().reads().from() == ReadSettings.ReadFrom.LEADER
        && scenario.failover().election().fencing() && scenario.failover().election().lease();
  }
}
