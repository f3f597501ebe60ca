package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.sim.RunListener;
import dev.replsim.sim.VirtualRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stale reads counted live follow the history's rule, and come close to what summary.json counts. */
class StaleReadMeterTest {

  @Test
  void aReadOlderThanAWriteAcknowledgedBeforeItWasInvokedIsStale() {
    StaleReadMeter m = new StaleReadMeter();
    m.acknowledged("k", "v1", 1, 100);
    m.acknowledged("k", "v2", 2, 200);
    m.read("k", "v1", 150); // v2 was not acknowledged yet: fresh
    m.read("k", "v1", 250); // v2 was: stale
    m.read("k", "v2", 250);
    m.read("k", null, 50); // absent before any acknowledgement: fresh
    m.read("k", null, 300); // absent after: stale
    m.read("k", "v9", 300); // a value it cannot place: not judged
    m.read("other", null, 300);
    assertEquals(6, m.judged());
    assertEquals(2, m.stale());
  }

  @Test
  void itRemembersOnlyTheLatestWritesOfAKey() {
    StaleReadMeter m = new StaleReadMeter();
    for (int i = 1; i <= StaleReadMeter.WINDOW + 1; i++) {
      m.acknowledged("k", "v" + i, i, i * 10L);
    }
    m.read("k", "v1", 10_000); // forgotten: not judged
    m.read("k", "v2", 10_000);
    assertEquals(1, m.judged());
    assertEquals(1, m.stale());
  }

  @Test
  void inAVirtualRunItCountsWhatTheHistoryCountsOrALittleLess() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("simulations/stale-reads.conf"),
        List.of(new SettingOverride("--set", "simulation.duration=5s")));
    StaleReadMeter[] meter = new StaleReadMeter[1];
    RunResult r = VirtualRun.run(s, RunListener.SILENT, dev.replsim.sim.virtual.Pace.UNPACED,
        (start, cluster, recorder, faults) -> meter[0] = recorder.staleReads());
    Summary.Reads reads = r.summary().reads();
    long historyStale = reads.stale();
    assertTrue(historyStale > 100, "the scenario has stale reads: " + historyStale);
    assertTrue(meter[0].stale() <= historyStale, meter[0].stale() + " > " + historyStale);
    assertTrue(meter[0].stale() >= 0.95 * historyStale, meter[0].stale() + " of " + historyStale);
  }
}
