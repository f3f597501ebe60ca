package dev.replsim.protocol;

import static dev.replsim.protocol.Invariants.assertConverged;
import static dev.replsim.protocol.TestCluster.HEARTBEAT_MICROS;
import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.ProtocolHarness.Observed;
import dev.replsim.random.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How entries travel: in batches, within a window, and how the logs behind them are trimmed. */
class ShippingTest {

  private static final String F1 = follower(1);

  /** One follower 10 ms away, with these batch and window sizes. */
  private static ProtocolHarness batchesAndWindow(int maxBatch, long maxInFlight) {
    ProtocolHarness h = TestCluster.start(
        new ProtocolSettings(CommitPolicy.async(), maxBatch, maxInFlight, HEARTBEAT_MICROS), 1);
    h.network().defaultDelay(ms(10));
    return h;
  }

  private static List<List<Long>> shipped(ProtocolHarness h) {
    return h.sent(AppendEntries.class).stream()
        .map(e -> (AppendEntries) e.message())
        .map(m -> List.of(m.firstLsn(), m.lastLsn()))
        .toList();
  }

  @Test
  void writesArrivingBeforeAFlushShipInOneBatchUpToMaxBatch() {
    ProtocolHarness h = batchesAndWindow(4, 100);
    for (int i = 0; i < 10; i++) {
      h.write(0, "k" + i, "v"); // all queued before the leader's first flush
    }
    h.write(ms(1), "late", "v");

    h.runUntilIdle();

    assertEquals(List.of(List.of(1L, 4L), List.of(5L, 8L), List.of(9L, 10L), List.of(11L, 11L)),
        shipped(h));
    assertConverged(h);
  }

  @Test
  void aFullWindowStopsShippingUntilAnAckMakesRoom() {
    ProtocolHarness h = batchesAndWindow(4, 8);
    for (int i = 0; i < 20; i++) {
      h.write(0, "k" + i, "v");
    }

    h.runUntilIdle();

    // 8 entries in flight at 0 ms; each ack (a round trip later) opens the window again
    assertEquals(List.of(List.of(1L, 4L), List.of(5L, 8L), List.of(9L, 12L), List.of(13L, 16L),
        List.of(17L, 20L)), shipped(h));
    assertEquals(List.of(0L, 0L, ms(20), ms(20), ms(40)),
        h.sent(AppendEntries.class).stream().map(Envelope::sentAt).toList());
    assertConverged(h);
  }

  @Test
  void theLeaderKeepsOnlyWhatSomeFollowerHasNotReceived() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), 2);
    h.network().roundTrip(LEADER, follower(1), ms(10)).roundTrip(LEADER, follower(2), ms(40));
    ReplicationLog log = h.node(LEADER, Leader.class).log();
    for (int i = 0; i < 10; i++) {
      h.write(0, "a" + i, "v");
      h.write(ms(40), "b" + i, "v");
    }

    // heartbeat at 50 ms: follower-2 has acked nothing yet (its first ack arrives at 80 ms)
    h.runUntil(ms(50));
    assertEquals(1, log.firstLsn());
    assertEquals(20, log.lastLsn());
    // heartbeat at 100 ms: follower-1 has received 20, follower-2 10
    h.runUntil(ms(100));
    assertEquals(11, log.firstLsn());
    // heartbeat at 150 ms: both have everything
    h.runUntil(ms(150));
    assertEquals(0, log.size());
    assertEquals(21, log.firstLsn());
    assertConverged(h);
  }

  @Test
  void theLeaderKeepsEverythingForAPartitionedFollower() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), 2);
    h.network().defaultDelay(ms(10)).isolate(follower(2));
    for (int i = 0; i < 10; i++) {
      h.write(ms(i), "k" + i, "v");
    }

    h.runUntil(ms(500));

    ReplicationLog log = h.node(LEADER, Leader.class).log();
    assertEquals(1, log.firstLsn());
    assertEquals(10, log.size());
  }

  @Test
  void aFollowerKeepsOnlyWhatItHasNotApplied() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), 1, new Distribution.Constant(ms(5)));
    h.network().defaultDelay(ms(10));
    Follower follower = h.node(F1, Follower.class);
    for (int i = 0; i < 10; i++) {
      h.write(0, "k" + i, "v");
    }
    for (long t = ms(10); t <= ms(60); t += ms(5)) {
      h.runUntil(t);
      NodeStatus s = follower.status();
      assertEquals(10, s.lastLsn());
      assertEquals(s.appliedLsn() + 1, follower.log().firstLsn(), "at " + t);
    }
    assertEquals(0, follower.log().size());
  }

  @Test
  void aFollowerSlowerThanTheLeaderAppliesOneEntryAtATimeAndFallsBehind() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), 1, new Distribution.Constant(ms(5)));
    h.network().defaultDelay(ms(10));
    for (int i = 0; i < 50; i++) {
      h.write(ms(i), "k" + i, "v"); // one write per millisecond
    }

    h.runUntilIdle();

    // entry k arrives at 9 + k ms, but the follower finishes one every 5 ms from 15 ms on
    List<Observed> applied = h.observed(F1, Observation.Applied.class);
    assertEquals(50, applied.size());
    for (int k = 1; k <= 50; k++) {
      Observed o = applied.get(k - 1);
      Observation.Applied one = (Observation.Applied) o.observation();
      assertEquals(k, one.fromLsn());
      assertEquals(k, one.toLsn());
      assertEquals(ms(10 + 5L * k), o.at());
    }
    // the apply lag (append to apply) grows 4 ms per entry: 15 ms for the first, 211 for the last
    assertEquals(ms(15), applied.get(0).at());
    assertEquals(ms(211), applied.get(49).at() - ms(49));
    // async: the leader never waits for the slow follower
    assertTrue(h.answers().stream().allMatch(a -> a.latency() == 0));
    assertConverged(h);
  }
}
