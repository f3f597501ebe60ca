package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.protocol.ProtocolHarness.Observed;

/** Properties every correct run has, checked by many tests. */
final class Invariants {

  private Invariants() {}

  /**
   * Every follower has received, made durable and applied exactly the leader's log, and holds
   * the leader's data.
   */
  static void assertConverged(ProtocolHarness h) {
    NodeStatus leader = h.status(TestCluster.LEADER);
    for (NodeStatus s : h.statuses()) {
      String who = s.name() + " at " + h.now() + "us";
      assertEquals(leader.lastLsn(), s.lastLsn(), who + ": last LSN");
      assertEquals(leader.lastLsn(), s.durableLsn(), who + ": durable LSN");
      assertEquals(leader.lastLsn(), s.appliedLsn(), who + ": applied LSN");
      assertEquals(leader.digest(), s.digest(), who + ": digest");
      assertEquals(leader.rows(), s.rows(), who + ": rows");
    }
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
