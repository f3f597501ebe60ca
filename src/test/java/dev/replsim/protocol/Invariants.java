package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.SummaryBuilder;
import dev.replsim.protocol.ProtocolHarness.Observed;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.DivergenceProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Properties every correct run has, checked by many tests, on the figures the product itself
 * reports where it has them: convergence and lost writes as {@code summary.json} states them.
 */
final class Invariants {

  private Invariants() {}

  /** What {@code summary.json} would say of the run now: the product's figures over the running nodes. */
  static Summary summary(ProtocolHarness h) {
    Map<String, NodeStatus> statuses = new LinkedHashMap<>();
    h.statuses().forEach(s -> statuses.put(s.name(), s));
    Scenario scenario = h.scenario();
    double seconds = Math.max(1, h.now()) / 1e6;
    return SummaryBuilder.build(scenario, h.recorder(), statuses, h.leaderName(), List.of(), seconds,
        new Summary.Run(0, 0, seconds * 1000, 0, true, 0, 0, "harness"), scenario.failover().election(), h.now());
  }

  static void assertConverged(ProtocolHarness h) {
    assertConverged(h, "at " + h.now() + "us");
  }

  /**
   * Every running node has applied the leader's whole log and holds its data, as {@code
   * summary.json}'s convergence reports it (when it does not, the message names the keys that
   * differ, as the product's {@link DivergenceProbe} finds them), and has also received and made
   * durable exactly the leader's log, in the leader's term.
   */
  static void assertConverged(ProtocolHarness h, String context) {
    NodeStatus leader = FailoverInvariants.soleLeader(h);
    Summary.Convergence convergence = summary(h).convergence();
    if (!convergence.converged()) {
      fail(context + ": " + convergence + ", " + divergence(h, leader));
    }
    for (NodeStatus s : h.statuses()) {
      String who = context + ": " + s.name() + " against leader " + leader.name();
      assertEquals(leader.term(), s.term(), who + ": term");
      assertEquals(leader.lastLsn(), s.lastLsn(), who + ": last LSN");
      assertEquals(leader.lastLsn(), s.durableLsn(), who + ": durable LSN");
      assertTrue(s.lastLsn() == 0 || s.termAt(s.lastLsn()) == leader.termAt(leader.lastLsn()),
          who + ": last entry's term");
    }
  }

  /** The product's divergence events: for each divergent node, sample keys with every node's value. */
  private static List<RunEvent> divergence(ProtocolHarness h, NodeStatus leader) {
    List<NodeStatus> leaderFirst = new ArrayList<>(List.of(leader));
    h.statuses().stream().filter(s -> !s.name().equals(leader.name())).forEach(leaderFirst::add);
    try {
      DivergenceProbe.report(h.recorder(), h.now(), leaderFirst,
          (node, query) -> query.apply(h.node(node, ProtocolNode.class).database()));
    } catch (Exception e) {
      throw new AssertionError("could not probe the divergence", e);
    }
    return h.recorder().events().stream().filter(e -> e.type().equals("divergence")).toList();
  }

  /**
   * The node's {@link Observation.Received}, {@link Observation.Durable} or
   * {@link Observation.Applied} ranges run consecutively from LSN 1 to {@code lastLsn}: no entry
   * skipped, none twice, none out of order.
   */
  static void assertInLsnOrder(ProtocolHarness h, String node,
      Class<? extends Observation> type, long lastLsn) {
    long next = 1;
    for (Observed o : h.observed(node, type)) {
      long[] range = range(o.observation());
      assertEquals(next, range[0], node + " " + o);
      next = range[1] + 1;
    }
    assertEquals(lastLsn, next - 1, node + ": last " + type.getSimpleName());
  }

  private static long[] range(Observation o) {
    if (o instanceof Observation.Received r) {
      return new long[] {r.fromLsn(), r.toLsn()};
    } else if (o instanceof Observation.Durable d) {
      return new long[] {d.fromLsn(), d.toLsn()};
    } else if (o instanceof Observation.Applied a) {
      return new long[] {a.fromLsn(), a.toLsn()};
    }
    throw new IllegalArgumentException("not an LSN range: " + o);
  }
}
