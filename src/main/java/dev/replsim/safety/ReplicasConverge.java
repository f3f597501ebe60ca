package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import java.util.List;

/**
 * Once every fault has healed and the writes have drained, every running replica holds the
 * leader's state, as {@code summary.json}'s {@code convergence} reports it; and some node leads.
 * Unless a majority ended without its log ({@link LostLogs}): then no leader may be elected.
 */
public final class ReplicasConverge implements Invariant {

  @Override
  public String name() {
    return "replicas-converge";
  }

  @Override
  public List<String> violations(Scenario scenario, Result result) {
    if (!LostLogs.stalling(scenario, result).isEmpty()) {
      return List.of();
    }
    Summary s = result.summary();
    if (s.cluster().leader() == null || s.cluster().leader().isEmpty()) {
      return List.of("no node leads at the end");
    }
    Summary.Convergence c = s.convergence();
    if (c.converged()) {
      return List.of();
    }
    return List.of("replicas differ from the leader " + s.cluster().leader() + " at the end: divergent "
        + c.divergentNodes() + (c.downNodes().isEmpty() ? "" : ", down " + c.downNodes()));
  }
}
