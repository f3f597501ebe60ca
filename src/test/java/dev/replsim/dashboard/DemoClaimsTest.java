package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.LiveFigures;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.TimeSeriesSampler;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.sim.RunListener;
import dev.replsim.sim.VirtualRun;
import dev.replsim.sim.virtual.Pace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the ready demos' "what to show" headers promise, checked in virtual time (exactly): the
 * page's actions are the same fault entries, scheduled at the instants a teacher would click, and
 * the figures the page shows are read the way the dashboard reads them.
 */
class DemoClaimsTest {

  /** What the page would show at an instant. */
  private record Seen(Map<String, LiveFigures.FollowerLag> lags, TimeSeriesSampler.Snapshot sample, long judged,
      long stale) {}

  @Test
  void demoLagTrailsByEachLinksDelayAndSyncCommitsWaitForTheFarthestFollower() throws Exception {
    Map<Long, Seen> seen = run("simulations/demo-lag.conf", "simulation.duration=40s",
        "faults=[{at=8s,action=rate,writes=800},{at=14s,action=rate,writes=200},"
            + "{at=16s,action=commit,mode=semi-sync,acks=1},{at=22s,action=commit,mode=sync},"
            + "{at=28s,action=commit,mode=async},{at=30s,action=slow,node=follower-1,"
            + "apply-time={distribution=constant,value=6ms}},{at=36s,action=slow,node=follower-1,"
            + "apply-time={distribution=constant,value=0ms}}]");
    // 1. 10, 40 and 120 ms behind, and 2, 8 and 24 entries (give or take the one in flight)
    assertLags(seen.get(5_000_000L), 10, 40, 120);
    assertEntries(seen.get(5_000_000L), 2, 8, 24);
    // 2. at 800 writes/s the same time, four times the entries
    assertLags(seen.get(12_000_000L), 10, 40, 120);
    assertEntries(seen.get(12_000_000L), 8, 32, 96);
    // 3. async 0 ms; semi-sync with 1 ack 15 ms; sync 125 ms; async again 0
    assertEquals(0.0, seen.get(5_000_000L).sample().commitP50Ms());
    assertEquals(15.0, seen.get(20_000_000L).sample().commitP50Ms(), 0.1);
    assertEquals(125.0, seen.get(26_000_000L).sample().commitP50Ms(), 0.1);
    assertEquals(0.0, seen.get(29_000_000L).sample().commitP50Ms());
    // 4. slowed to 6 ms an entry, follower-1 falls further behind every second; back to 0, it catches up
    double at33 = seen.get(33_000_000L).lags().get("follower-1").applyLagMs();
    double at35 = seen.get(35_000_000L).lags().get("follower-1").applyLagMs();
    assertTrue(at33 > 300 && at35 > at33 + 300, at33 + " then " + at35);
    assertLags(seen.get(39_000_000L), 10, 40, 120);
  }

  @Test
  void demoStaleReadsHasAboutOneReadInSevenStaleUntilCommitsAreSync() throws Exception {
    Map<Long, Seen> seen = run("simulations/demo-stale-reads.conf", "simulation.duration=30s",
        "faults=[{at=15s,action=commit,mode=sync}]");
    Seen async = seen.get(15_000_000L);
    double share = (double) async.stale() / async.judged();
    assertTrue(share > 0.11 && share < 0.17, "stale share under async: " + share);
    Seen syncStart = seen.get(16_000_000L);
    Seen syncEnd = seen.get(29_000_000L);
    assertEquals(syncStart.stale(), syncEnd.stale(), "no read is stale once commits are sync");
    assertTrue(syncEnd.judged() > syncStart.judged() + 4000, "reads went on");
    assertEquals(35.0, syncEnd.sample().commitP50Ms(), 0.1);
  }

  private static void assertLags(Seen s, double... ms) {
    List<Double> lags = new ArrayList<>();
    s.lags().values().forEach(l -> lags.add(l.applyLagMs()));
    assertEquals(List.of(ms[0], ms[1], ms[2]), lags);
  }

  private static void assertEntries(Seen s, long... entries) {
    int i = 0;
    for (LiveFigures.FollowerLag l : s.lags().values()) {
      assertTrue(Math.abs(l.entriesBehind() - entries[i]) <= 1, l + " against " + entries[i]);
      i++;
    }
  }

  /** Runs a demo with {@code sets} over it in virtual time, looking at it every second. */
  private static Map<Long, Seen> run(String file, String... sets) throws Exception {
    List<SettingOverride> overrides = new ArrayList<>();
    for (String set : sets) {
      overrides.add(new SettingOverride("--set", set));
    }
    Scenario scenario = ScenarioLoader.load(Path.of(file), overrides);
    Map<Long, Seen> seen = new LinkedHashMap<>();
    RunResult result = VirtualRun.run(scenario, RunListener.SILENT, Pace.UNPACED, (start, cluster, recorder, faults) -> {
      long end = scenario.simulation().duration().toNanos() / 1000;
      for (long t = 1_000_000; t < end; t += 1_000_000) {
        long at = t;
        cluster.scheduler().at(start + at, () -> seen.put(at, look(recorder, start + at)));
      }
    });
    assertTrue(result.summary().convergence().converged());
    return seen;
  }

  private static Seen look(Recorder recorder, long now) {
    Map<String, LiveFigures.FollowerLag> lags = new LinkedHashMap<>();
    LiveFigures.lags(recorder, now).forEach(l -> lags.put(l.node(), l));
    return new Seen(lags, recorder.lastSample(), recorder.staleReads().judged(), recorder.staleReads().stale());
  }
}
