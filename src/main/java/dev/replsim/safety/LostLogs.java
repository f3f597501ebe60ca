package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.metrics.RunEvent;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The nodes that ended the run without their log (restarted on the memory journal or with their
 * disk lost, and never caught up) or down. Such a node does not vote until it has caught up, by design (a
 * majority that forgot a write could otherwise elect a leader without it); so when more than a
 * minority end so, no leader can be elected and the cluster stalls, rightly. Convergence and lost
 * writes are then not the protocol's to keep, and the invariants that need a leader stand aside.
 */
final class LostLogs {

  private LostLogs() {}

  /** The nodes down or without their log at the end, when they are too many for a majority to elect; else empty. */
  static List<String> stalling(Scenario scenario, Result result) {
    TreeSet<String> forgetful = new TreeSet<>();
    for (RunEvent e : result.events()) {
      if (e.type().equals("recovered") && "restart".equals(e.details().get("kind"))
          && ("memory".equals(e.details().get("journal")) || Boolean.TRUE.equals(e.details().get("wiped")))) {
        forgetful.add(e.node());
      } else if (e.type().equals("caught-up") || e.type().equals("snapshot-installed")) {
        forgetful.remove(e.node());
      }
    }
    forgetful.addAll(result.summary().convergence().downNodes()); // a crashed node does not vote either
    int voters = scenario.nodes().size();
    return forgetful.size() > (voters - 1) / 2 ? new ArrayList<>(forgetful) : List.of();
  }
}
