package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.metrics.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every run with failover must satisfy, as reusable predicates: they return what is wrong
 * (empty when nothing is), so a property test can report the seed with the first violation.
 */
final class FailoverInvariants {

  private FailoverInvariants() {}

  /** Terms in which more than one node won an election (and who), from the nodes' observations. */
  static List<String> severalLeadersInATerm(ProtocolHarness h) {
    Map<Long, Set<String>> winners = new HashMap<>();
    winners.computeIfAbsent(1L, t -> new HashSet<>()).add(TestCluster.LEADER);
    for (ProtocolHarness.Observed o : h.observed()) {
      if (o.observation() instanceof Observation.BecameLeader b) {
        winners.computeIfAbsent(b.term(), t -> new HashSet<>()).add(o.node());
      }
    }
    List<String> wrong = new ArrayList<>();
    winners.forEach((term, nodes) -> {
      if (nodes.size() > 1) {
        wrong.add("term " + term + " had leaders " + nodes);
      }
    });
    return wrong;
  }

  /**
   * Acknowledged writes the leader's log lacks, one per write, as {@code summary.json} counts its
   * lost writes: each (term, LSN) a client heard committed, looked for in the final leader's log.
   */
  static List<String> acknowledgedWritesLost(ProtocolHarness h) {
    int before = lostWriteEvents(h).size();
    Invariants.summary(h); // reports each stretch of lost writes as an event
    List<RunEvent> events = lostWriteEvents(h);
    List<String> lost = new ArrayList<>();
    for (RunEvent e : events.subList(before, events.size())) {
      long from = (Long) e.details().get("fromLsn");
      for (long lsn = from; lsn <= (Long) e.details().get("toLsn"); lsn++) {
        lost.add("term " + e.details().get("term") + ", LSN " + lsn);
      }
    }
    return lost;
  }

  private static List<RunEvent> lostWriteEvents(ProtocolHarness h) {
    return h.recorder().events().stream().filter(e -> e.type().equals("lost-writes")).toList();
  }

  /** The running leader, asserting there is exactly one. */
  static NodeStatus soleLeader(ProtocolHarness h) {
    List<NodeStatus> leaders = h.statuses().stream().filter(s -> s.role() == NodeStatus.Role.LEADER).toList();
    assertEquals(1, leaders.size(), "leaders at " + h.now() + "us: " + leaders);
    return leaders.get(0);
  }
}
