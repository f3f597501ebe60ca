package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** Acknowledged writes the given log lacks: each (term, LSN) a client heard committed. */
  static List<String> acknowledgedWritesMissing(ProtocolHarness h, NodeStatus log) {
    List<String> missing = new ArrayList<>();
    for (ProtocolHarness.Answer a : h.answers()) {
      WriteOutcome o = a.outcome();
      if (log.termAt(o.lsn()) != o.term()) {
        missing.add("write " + o.requestId() + " (term " + o.term() + ", LSN " + o.lsn() + ")");
      }
    }
    return missing;
  }

  /** The running leader, asserting there is exactly one. */
  static NodeStatus soleLeader(ProtocolHarness h) {
    List<NodeStatus> leaders = h.statuses().stream().filter(s -> s.role() == NodeStatus.Role.LEADER).toList();
    assertEquals(1, leaders.size(), "leaders at " + h.now() + "us: " + leaders);
    return leaders.get(0);
  }

  /** Every running node holds the leader's log and data, applied. */
  static void assertConvergedOnLeader(ProtocolHarness h, String context) {
    NodeStatus leader = soleLeader(h);
    assertNotNull(leader);
    for (NodeStatus s : h.statuses()) {
      String who = context + ": " + s.name() + " against leader " + leader.name();
      assertEquals(leader.term(), s.term(), who + ": term");
      assertEquals(leader.lastLsn(), s.lastLsn(), who + ": last LSN");
      assertEquals(leader.lastLsn(), s.appliedLsn(), who + ": applied LSN");
      assertEquals(leader.digest(), s.digest(), who + ": digest");
      assertTrue(s.lastLsn() == 0 || s.termAt(s.lastLsn()) == leader.termAt(leader.lastLsn()),
          who + ": last entry's term");
    }
  }
}
