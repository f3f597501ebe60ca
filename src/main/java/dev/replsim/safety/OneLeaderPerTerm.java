package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.metrics.RunEvent;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Election safety (Raft's first property): at most one node becomes leader in any term, from the
 * {@code role} events of {@code events.jsonl} (t = 0's leader, and every election won since).
 */
public final class OneLeaderPerTerm implements Invariant {

  @Override
  public String name() {
    return "one-leader-per-term";
  }

  @Override
  public List<String> violations(Scenario scenario, Result result) {
    Map<Long, TreeSet<String>> leaders = new TreeMap<>();
    for (RunEvent e : result.events()) {
      if (e.type().equals("role") && "leader".equals(e.details().get("role"))) {
        long term = ((Number) e.details().get("term")).longValue();
        leaders.computeIfAbsent(term, t -> new TreeSet<>()).add(e.node());
      }
    }
    List<String> wrong = new ArrayList<>();
    leaders.forEach((term, nodes) -> {
      if (nodes.size() > 1) {
        wrong.add("term " + term + " had " + nodes.size() + " leaders: " + String.join(", ", nodes));
      }
    });
    return wrong;
  }
}
