package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Where the live driver is accurate, live and virtual time agree: {@code bench-agreement.conf},
 * run by both, with a follower behind a constant link, one behind a uniform link, one behind an
 * exponential link and a slow one (exponential apply times at 40% utilisation), committing
 * semi-sync ANY 2. Each
 * follower's apply lag and the commit latency agree at p50 and p90 within 5% or 1 ms, whichever
 * is larger. The live run is one run on a busy machine; the virtual run is the exact figure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveVirtualAgreementTest {

  private Summary live;
  private Summary virtual;

  @BeforeAll
  void run() throws Exception {
    Path file = Path.of("simulations/bench-agreement.conf");
    live = LiveRun.run(ScenarioLoader.load(file), RunListener.SILENT).summary();
    virtual = VirtualRun.run(ScenarioLoader.load(file, List.of(new SettingOverride("--time", "simulation.time=virtual"))),
        RunListener.SILENT).summary();
  }

  private static void agree(String what, LatencyStats live, LatencyStats virtual) {
    assertClose(what + " p50", live.p50(), virtual.p50());
    assertClose(what + " p90", live.p90(), virtual.p90());
  }

  private static void assertClose(String what, double live, double virtual) {
    double bound = Math.max(1.0, 0.05 * virtual);
    assertTrue(Math.abs(live - virtual) <= bound,
        String.format("%s: live %.2f ms, virtual %.2f ms: more than %.2f ms apart", what, live, virtual, bound));
  }

  @Test
  void theDriversRanTheSameWorkload() {
    assertEquals("live", live.run().driver());
    assertEquals("virtual", virtual.run().driver());
    assertEquals(virtual.writes().attempted(), live.writes().attempted(), "the same seeded arrivals");
  }

  @Test
  void aConstantLinksLagAgrees() {
    agree("follower-1 apply lag", live.lag().get("follower-1").applyMs(), virtual.lag().get("follower-1").applyMs());
  }

  @Test
  void aUniformLinksLagAgrees() {
    agree("follower-2 apply lag", live.lag().get("follower-2").applyMs(), virtual.lag().get("follower-2").applyMs());
  }

  @Test
  void anExponentialLinksLagAgrees() {
    agree("follower-3 apply lag", live.lag().get("follower-3").applyMs(), virtual.lag().get("follower-3").applyMs());
  }

  @Test
  void aSlowFollowersLagAgrees() {
    agree("follower-4 apply lag", live.lag().get("follower-4").applyMs(), virtual.lag().get("follower-4").applyMs());
  }

  @Test
  void semiSyncCommitLatencyAgrees() {
    agree("commit latency", live.commitLatencyMs(), virtual.commitLatencyMs());
  }
}
