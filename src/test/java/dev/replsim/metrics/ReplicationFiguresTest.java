package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.TestRuns;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What summary.json says about the method's bytes, the reported lags and refused followers. */
class ReplicationFiguresTest {

  private final Recorder recorder = new Recorder("leader", List.of("follower-1", "follower-2"));

  private Summary summary() {
    Map<String, NodeStatus> statuses = new LinkedHashMap<>();
    statuses.put("leader", new NodeStatus("leader", NodeStatus.Role.LEADER, 1, 2, 2, 2, 7, 2));
    statuses.put("follower-1", new NodeStatus("follower-1", NodeStatus.Role.FOLLOWER, 1, 2, 2, 2, 7, 2));
    statuses.put("follower-2", new NodeStatus("follower-2", NodeStatus.Role.FOLLOWER, 1, 0, 0, 0, 0, 0));
    return SummaryBuilder.build(TestRuns.scenario(), recorder, statuses, "leader", List.of(), 1.0,
        new Summary.Run(0, 1000, 0, true, 0), dev.replsim.protocol.ElectionSettings.NONE, 0);
  }

  @Test
  void bytesPerWriteAreTheLogsAndShippedBytesArePerFollower() {
    recorder.writesStarted(0);
    recorder.observe("leader", new Observation.Appended(1, 100), 10);
    recorder.observe("leader", new Observation.Appended(2, 140), 20);
    recorder.observe("leader", new Observation.FullPageImages(1, 3), 10);
    recorder.observe("leader", new Observation.Shipped("follower-1", 1, 2, 272), 20);
    recorder.observe("leader", new Observation.Shipped("follower-2", 1, 1, 132), 20);
    recorder.observe("leader", new Observation.Shipped("follower-2", 2, 2, 172), 20);

    Summary.Replication r = summary().replication();

    assertEquals(new Summary.Replication("logical", 2, 240, 120.0, 576, 144.0, 3), r);
  }

  @Test
  void aRefusedStreamIsAnEventAndIsReportedInTheConvergence() {
    recorder.writesStarted(0);
    recorder.observe("leader", new Observation.Appended(1, 100), 1_000);
    recorder.observe("follower-1", new Observation.Applied(1, 1, 100), 3_000);
    assertFalse(recorder.caughtUp(List.of("follower-1", "follower-2")));
    recorder.observe("follower-2", new Observation.StreamRefused(1, "WAL of page format version 1 ..."), 5_000);

    Summary s = summary();

    assertEquals(List.of("follower-2"), s.convergence().refusedNodes());
    assertEquals(List.of("follower-2"), s.convergence().divergentNodes());
    RunEvent event = recorder.events().get(0);
    assertEquals("stream-refused", event.type());
    assertEquals("follower-2", event.node());
    assertEquals(5.0, event.tMs());
    assertTrue(recorder.caughtUp(List.of("follower-1", "follower-2")), "the drain does not wait for a follower that refused the stream");
  }

  @Test
  void postgresPositionsAreBytesOfTheLeadersLogAndLagsArePolled() {
    recorder.writesStarted(0);
    recorder.observe("leader", new Observation.Appended(1, 100), 0);
    recorder.observe("leader", new Observation.Appended(2, 140), 0);
    recorder.observe("leader", new Observation.Shipped("follower-1", 1, 2, 272), 0);
    recorder.observe("leader", new Observation.StandbyReply("follower-1", 2, 2, 2, 1, 20_000, 25_000, 28_000), 30_000);
    TimeSeriesSampler sampler = new TimeSeriesSampler(recorder, 0);
    sampler.sample(100_000);

    Summary.PostgresLag pg = summary().lag().get("follower-1").postgres();

    assertEquals(List.of(240L, 240L, 240L, 100L),
        List.of(pg.sentLsnBytes(), pg.writeLsnBytes(), pg.flushLsnBytes(), pg.replayLsnBytes()));
    assertEquals(20.0, pg.writeLagMs().p50(), 0.1); // to HdrHistogram's precision
    assertEquals(25.0, pg.flushLagMs().p50(), 0.1);
    assertEquals(28.0, pg.replayLagMs().max(), 0.1);
    assertEquals(1, pg.replayLagMs().count());
    assertTrue(sampler.rows().contains(new Sample(100.0, "follower-1", "pg_replay_lag_ms", 28.0)));
    assertTrue(sampler.rows().contains(new Sample(100.0, "follower-1", "replay_lsn_bytes", 100.0)));
    assertTrue(sampler.rows().contains(new Sample(100.0, "follower-1", "seconds_behind_source", 0.0)));
  }
}
