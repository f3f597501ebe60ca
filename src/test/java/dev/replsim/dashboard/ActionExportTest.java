package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.sim.RunListener;
import dev.replsim.sim.VirtualRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Export" saves what was done on the page as a scenario file, and running that file does it again. */
class ActionExportTest {

  @Test
  void theExportedScenarioReplaysTheDemoExactly() throws Exception {
    Scenario scenario = DemoRuns.load(); // an hour, unless stopped
    // at 5×: crash the leader 5 s in, isolate a follower at 7 s for 1.5 s, slow another at 8 s, heal at 9 s
    // (refused: the partition is over, nothing to heal), stop at 12 s
    DemoRuns.Scripted demo = DemoRuns.scriptedDemo(scenario, Map.of(
        1_000L, new String[] {"crash", "leader"},
        1_400L, new String[] {"{\"action\":\"partition\",\"isolate\":\"follower-2\",\"duration\":\"1500ms\"}"},
        1_600L, new String[] {"{\"action\":\"slow\",\"node\":\"follower-1\",\"apply-time\":{\"distribution\":\"constant\",\"value\":\"3ms\"}}"},
        1_800L, new String[] {"heal", null},
        2_400L, new String[] {"stop", null}));
    String exported = demo.demo().export();
    assertTrue(exported.startsWith("# What a replsim demo of"), exported);
    Scenario replay = ScenarioLoader.load("exported.conf", exported, List.of());
    double stoppedMs = demo.result().events().stream().filter(e -> e.type().equals("writes-stopped")).findFirst()
        .orElseThrow().tMs();
    assertEquals(Math.round(stoppedMs * 1000), replay.simulation().duration().toNanos() / 1000,
        "cut where the demo stopped");
    assertEquals(List.of("d1", "d2", "d3"), replay.faults().stream().map(f -> f.id()).toList(),
        "the refused heal is not part of what was done");
    RunResult again = VirtualRun.run(replay, RunListener.SILENT);
    RunResult original = demo.result();
    assertEquals(faults(original), faults(again));
    assertFalse(faults(original).isEmpty());
    assertEquals(original.summary().writes(), again.summary().writes());
    assertEquals(original.summary().failovers(), again.summary().failovers());
    assertEquals(original.summary().convergence(), again.summary().convergence());
  }

  @Test
  void beforeTheWritesStartThereIsNothingToExport() throws Exception {
    assertEquals(null, new Demo(DemoRuns.load(), 1).export());
  }

  /** The fault events, id, action, nodes and instant. */
  private static List<String> faults(RunResult result) {
    return result.events().stream().filter(e -> e.type().equals("fault") || e.type().equals("heal"))
        .map(RunEvent::toString).toList();
  }
}
