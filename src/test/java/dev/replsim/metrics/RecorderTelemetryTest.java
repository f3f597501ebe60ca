package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.network.Transmission;
import dev.replsim.protocol.Ack;
import dev.replsim.protocol.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node's telemetry in the recorder's own JVM lands in the recorder as the node's shell used to
 * write it there directly: counts, the message trace and the follower's positions.
 */
class RecorderTelemetryTest {

  @Test
  void whatANodeTellsIsWhatTheRecorderCountsAndTraces() {
    Recorder recorder = new Recorder("leader", List.of("follower-1"));
    recorder.writesStarted(0);
    recorder.traceWindow(0, 10_000_000);
    NodeTelemetry t = recorder.telemetry();
    Ack ack = new Ack(1, "follower-1", 1, 7, 7, 6);

    t.transmitted(100);
    t.carried("follower-1", "leader", ack, 1_000, 41_000);
    t.transmitted(100);
    t.carried("follower-1", "leader", ack, 2_000, 42_000);
    t.duplicated("follower-1", "leader", ack, 2_000, 43_000);
    t.transmitted(100);
    t.dropped("follower-1", "leader", ack, Transmission.Fate.LOST, 3_000, 43_000);
    t.delivered(0);
    t.lostOnArrival();
    t.observed("follower-1", new Observation.Applied(1, 5, 500), 50_000);

    Summary.NetworkStats stats = recorder.network().stats();
    assertEquals(3, stats.sent());
    assertEquals(300, stats.bytes());
    assertEquals(1, stats.duplicated());
    assertEquals(2, stats.dropped());
    assertEquals(1, stats.delivered());
    assertEquals(4, recorder.tracedMessages().size(), "two sends, a duplicate and a drop traced");
    assertEquals(5, recorder.followers().iterator().next().appliedLsn);
  }
}
