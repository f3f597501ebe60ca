package dev.replsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.replsim.scenario.SettingOverride;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

  private static final Vary DELAY = Vary.parse("network.delay.value=10ms,20ms");
  private static final Vary MODE = Vary.parse("cluster.replication.mode=async,sync");

  @Test
  void runsAreTheCrossProductFirstVaryOutermostSeedsInnermost() {
    List<String> ids = new SweepPlan(List.of(DELAY, MODE), 2, 42).runs().stream().map(SweepRun::id).toList();
    assertEquals(List.of(
        "network.delay.value-10ms_cluster.replication.mode-async_seed-42",
        "network.delay.value-10ms_cluster.replication.mode-async_seed-43",
        "network.delay.value-10ms_cluster.replication.mode-sync_seed-42",
        "network.delay.value-10ms_cluster.replication.mode-sync_seed-43",
        "network.delay.value-20ms_cluster.replication.mode-async_seed-42",
        "network.delay.value-20ms_cluster.replication.mode-async_seed-43",
        "network.delay.value-20ms_cluster.replication.mode-sync_seed-42",
        "network.delay.value-20ms_cluster.replication.mode-sync_seed-43"), ids);
    assertEquals(8, new SweepPlan(List.of(DELAY, MODE), 2, 42).size());
  }

  @Test
  void aRunSetsEachVariedKeyThenItsSeed() {
    SweepRun run = new SweepPlan(List.of(DELAY, MODE), 3, 7).runs().get(7);
    assertEquals(List.of("20ms", "async"), run.values());
    assertEquals(8, run.seed());
    assertEquals(List.of(new SettingOverride("--vary", "network.delay.value=20ms"),
        new SettingOverride("--vary", "cluster.replication.mode=async"),
        new SettingOverride("--seeds", "simulation.seed=8")), run.overrides(List.of(DELAY, MODE)));
  }

  @Test
  void withoutAVaryASweepRepeatsTheScenarioOverSeeds() {
    assertEquals(List.of("seed-0", "seed-1", "seed-2"),
        new SweepPlan(List.of(), 3, 0).runs().stream().map(SweepRun::id).toList());
  }

  @Test
  void idsAreSafeDirectoryNamesAndDistinct() {
    Vary timeout = Vary.parse("failover.timeout={min=150ms,max=300ms},{min=12ms,max=24ms}");
    assertEquals("failover.timeout-min-150ms-max-300ms_seed-1",
        new SweepPlan(List.of(timeout), 1, 1).runs().get(0).id());
    assertEquals(List.of("a-b-1", "a-b-2"), SweepPlan.labels(List.of("\"a b\"", "\"a/b\"")));
    assertEquals(SweepPlan.MAX_LABEL, SweepPlan.labels(List.of("x".repeat(100))).get(0).length());
  }

  @Test
  void aKeyVariedTwiceAndFewerThanOneSeedAreRefused() {
    assertEquals("--vary cluster.replication.mode is given twice; give all its values in one --vary",
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan(List.of(MODE, MODE), 1, 0)).getMessage());
    assertEquals("--seeds 0: a sweep runs each combination on at least 1 seed",
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan(List.of(MODE), 0, 0)).getMessage());
  }
}
