package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.Operation;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.TracedMessage;
import dev.replsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On constant links virtual time gives the closed forms exactly: a message arrives exactly its
 * link's delay after it was sent, a follower that applies in no time is exactly one delay behind,
 * and a commit waits exactly the round trips its rule needs.
 *
 * <p>Exactly to the microsecond: lags and latencies are kept in HdrHistograms of 3 significant
 * digits, whose percentiles report the top of a value's bucket (40,000 µs would read 40.031 ms),
 * but the summary holds them within the exact least and greatest value recorded and reports the
 * exact mean and maximum, so a lag of exactly 40 ms every time reads 40.000 at every percentile.
 * The traced messages ({@code messages.csv}) keep their instants to the microsecond.
 */
class VirtualExactTest {

  private static final Path SYNC_VS_ASYNC = Path.of("simulations/sync-vs-async.conf");

  /** What the summary shows for {@code count} durations of exactly {@code micros}: exactly that. */
  static LatencyStats recorded(long micros, long count) {
    double ms = micros / 1000.0;
    return new LatencyStats(count, ms, ms, ms, ms, ms);
  }

  /** The traced messages of {@code type}, each delivered exactly {@code delayMs} after it was sent. */
  private static void assertDeliveredAfter(RunResult result, String type, double delayMs) {
    List<TracedMessage> messages = result.messages().stream().filter(m -> m.type().equals(type)).toList();
    assertFalse(messages.isEmpty(), "traced " + type);
    for (TracedMessage m : messages) {
      assertEquals(delayMs, m.deliveredMs() - m.sentMs(), 1e-9, type + " " + m);
    }
  }

  @Test
  void asyncFollowersApplyExactlyOneLinkDelayBehindAndCommitsTakeNoTime() throws Exception {
    RunResult result = VirtualRuns.run(VirtualRuns.load(SYNC_VS_ASYNC)); // 40 ms links, apply time 0
    Summary s = result.summary();
    long writes = s.writes().acknowledged();

    assertEquals(s.writes().attempted(), writes);
    assertEquals(3, s.lag().size());
    s.lag().forEach((follower, lag) -> {
      assertEquals(recorded(40_000, writes), lag.applyMs(), follower + " applies every entry 40 ms after");
      assertEquals(recorded(40_000, writes), lag.receiveMs(), follower);
    });
    assertEquals(recorded(0, writes), s.commitLatencyMs(), "async answers at once");
    assertDeliveredAfter(result, "AppendEntries", 40);
    assertDeliveredAfter(result, "Ack", 40);
  }

  @Test
  void syncCommitsTakeExactlyOneRoundTrip() throws Exception {
    RunResult result = VirtualRuns.run(VirtualRuns.load(SYNC_VS_ASYNC, "cluster.replication.mode=sync"));
    Summary s = result.summary();
    long writes = s.writes().acknowledged();

    assertEquals(s.writes().attempted(), writes);
    assertEquals(recorded(80_000, writes), s.commitLatencyMs(), "40 ms out, applied at once, 40 ms back");
    s.lag().forEach((follower, lag) -> assertEquals(recorded(40_000, writes), lag.applyMs(), follower));
    assertDeliveredAfter(result, "Ack", 40);
  }

  /** semi-sync-quorum.conf: followers 10, 50 and 100 ms away; each rule waits for its round trip. */
  @ParameterizedTest(name = "{0}: {1} ms")
  @CsvSource({"any-1, 20", "any-2, 100", "first-1, 200", "first-2, 100", "after-commit, 20"})
  void semiSyncCommitsTakeExactlyTheRoundTripOfTheAckThatCompletesTheQuorum(String variant, long commitMs)
      throws Exception {
    Scenario base = VirtualRuns.load(Path.of("simulations/semi-sync-quorum.conf"));
    Scenario scenario = base.variants().stream().filter(v -> v.name().equals(variant)).findFirst().orElseThrow()
        .scenario();
    Summary s = VirtualRuns.run(scenario).summary();

    assertEquals(0, s.writes().fallbacks(), "no write waited out the 1 s timeout");
    assertEquals(recorded(commitMs * 1000, s.writes().acknowledged()), s.commitLatencyMs());
  }

  /**
   * A closed loop whose writes take time runs in virtual time, at the rate Little's law gives:
   * 4 clients keeping 10 writes each outstanding, every write committed in exactly 80 ms, make
   * 40 / 80 ms = 500 writes/s: 125 rounds of 40 writes, sent from t = 0 to 9920 ms (a read a
   * second makes the clients record their history).
   */
  @Test
  void aClosedLoopUnderSyncWritesAtTheRateLittlesLawGives() throws Exception {
    RunResult result = VirtualRuns.run(VirtualRuns.load(SYNC_VS_ASYNC, "cluster.replication.mode=sync",
        "workload.write-rate=unlimited", "workload.max-outstanding=10", "workload.read-rate=1"));
    Summary s = result.summary();

    assertEquals(5000, s.writes().acknowledged(), s.writes().toString());
    assertEquals(recorded(80_000, 5000), s.commitLatencyMs());
    assertEquals(500.0, s.throughput().writesPerSec(), "clients × outstanding / commit latency");
    List<Operation> writes = result.history().stream().filter(o -> o.kind() == Operation.Kind.WRITE).toList();
    assertEquals(5000, writes.size());
    for (Operation w : writes) {
      assertTrue(w.invokeMicros() >= 0 && w.invokeMicros() < 10_000_000, "sent while the writes run: " + w);
      assertEquals(0, w.invokeMicros() % 80_000, "sent at a round's instant: " + w);
      assertEquals(80_000, w.completeMicros() - w.invokeMicros(), "committed 80 ms after: " + w);
    }
    assertTrue(s.run().drained());
  }
}
