package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.TestRuns;
import dev.replsim.check.Operation.Outcome;
import dev.replsim.scenario.CheckSettings;
import dev.replsim.scenario.ReadSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.WorkloadSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end of a run with reads: the recorded history judged into {@code summary.json}'s reads, a
 * sample of anomalies in the events, the t-visibility curve per node for {@code reads.csv}, and the
 * linearizability verdict when asked for. Times are run-clock microseconds; the writes start at 1 s.
 */
class HistoryChecksTest {

  private static final long START = 1_000_000;

  private static Scenario reading(CheckSettings check) {
    Scenario base = TestRuns.scenario();
    WorkloadSettings w = base.workload();
    ReadSettings reads = new ReadSettings(100, ReadSettings.ReadFrom.FOLLOWERS, ReadSettings.FollowerChoice.RANDOM,
        false, Duration.ZERO, ReadSettings.SessionGuarantee.NONE, Duration.ofSeconds(1));
    WorkloadSettings withReads = new WorkloadSettings(w.clients(), w.writeRate(), w.arrival(), w.keys(),
        w.keyDistribution(), w.zipfExponent(), w.valueSize(), w.maxOutstanding(), w.writeTimeout(), w.statements(),
        reads);
    return new Scenario(base.file(), base.simulation(), base.cluster(), base.network(), withReads, base.failover(),
        base.faults(), base.output(), base.report(), base.effectiveConfig(), base.variants(), check);
  }

  /** c1 writes k and reads it back 20 ms later from a follower that lacks it; c2 reads it from one that has it. */
  private static HistoryRecorder history(Recorder recorder) {
    recorder.writesStarted(START);
    HistoryRecorder history = new HistoryRecorder();
    ClientHistory c1 = history.client("c1");
    ClientHistory c2 = history.client("c2");
    c1.write("k", "c1-1", START, START + 1_000, Outcome.OK, "leader", 1, 1);
    c1.read("k", null, START + 21_000, START + 21_100, Outcome.OK, "follower-1", 1, 0);
    c2.read("k", "c1-1", START + 45_000, START + 45_100, Outcome.OK, "follower-2", 1, 1);
    c1.close();
    c2.close();
    recorder.reads().answered("follower-1", false, 0, false);
    recorder.reads().answered("follower-2", false, 0, false);
    return history;
  }

  @Test
  void theHistorysAnomaliesBecomeTheReadsSummaryAndASampleOfEvents() {
    Recorder recorder = new Recorder("leader", List.of("follower-1", "follower-2"));
    HistoryChecks.Results results = HistoryChecks.run(reading(CheckSettings.DEFAULT), recorder, history(recorder),
        START + 60_000);

    Summary.Reads reads = results.reads();
    assertTrue(reads.checked());
    assertEquals(2, reads.total());
    assertEquals(1, reads.stale());
    assertEquals(1, reads.readYourWritesViolations());
    assertEquals(0, reads.monotonicReadViolations());
    assertEquals(20.0, reads.staleness().ms().max(), "the read came 20 ms after the acknowledgement");
    assertEquals(java.util.Map.of("follower-1", 1L, "follower-2", 1L), reads.byNode());
    assertEquals("followers", reads.tVisibility().over());
    assertEquals(List.of(new Summary.VisibilityPoint(20, 1, 1, 1.0), new Summary.VisibilityPoint(40, 1, 0, 0)),
        reads.tVisibility().points());
    List<RunEvent> events = recorder.events();
    assertEquals(List.of("stale-read", "read-your-writes-violation"), events.stream().map(RunEvent::type).toList());
    assertEquals(21.1, events.get(0).tMs(), "at the offending read's completion, ms since the writes started");
    assertEquals("follower-1", events.get(0).node());
    assertNull(results.linearizability(), "not asked for");
  }

  @Test
  void theCurveOfEachNodeGoesToReadsCsv() {
    Recorder recorder = new Recorder("leader", List.of("follower-1", "follower-2"));
    List<Sample> curve = HistoryChecks.run(reading(CheckSettings.DEFAULT), recorder, history(recorder), 0).curve();

    assertEquals(List.of(
        new Sample(20, "follower-1", HistoryChecks.STALE_READ_PROBABILITY, 1),
        new Sample(20, "follower-1", "reads", 1),
        new Sample(40, "follower-2", HistoryChecks.STALE_READ_PROBABILITY, 0),
        new Sample(40, "follower-2", "reads", 1)), curve);
  }

  @Test
  void linearizabilityIsCheckedWhenAskedFor() {
    Recorder recorder = new Recorder("leader", List.of("follower-1", "follower-2"));
    HistoryChecks.Results results = HistoryChecks.run(reading(new CheckSettings(true, true)), recorder,
        history(recorder), 0);

    assertEquals("not linearizable", results.linearizability().verdict());
  }

  @Test
  void withoutAHistoryReadsAreOnlyCounted() {
    Recorder recorder = new Recorder("leader", List.of("follower-1", "follower-2"));
    recorder.reads().answered("follower-1", true, 5_000, false);
    recorder.reads().failed(2);

    HistoryChecks.Results results = HistoryChecks.run(reading(new CheckSettings(false, false)), recorder, null, 0);

    Summary.Reads reads = results.reads();
    assertFalse(reads.checked());
    assertEquals(1, reads.total());
    assertEquals(2, reads.failed());
    assertEquals(1, reads.probes());
    assertEquals(0, reads.stale());
    assertTrue(results.curve().isEmpty());
    assertTrue(recorder.events().isEmpty());
  }
}
