package dev.replsim.sim;

import dev.replsim.metrics.RunResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.Summary;

import dev.replsim.metrics.RunEvent;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@code flapping.conf} fails over for nothing only when its delay spikes say so: its 150 ms
 * failover timeout is shorter than a JIT pause, so a run that starts its cores before the code is
 * compiled, or lets a follower watch its leader before t = 0, elects a new leader before the first
 * spike. Five runs up to just before that spike (at 2 s, so without the spikes) must see no
 * suspicion at all; a whole run sees one needless failover per spike, as its header says.
 */
class FlappingLiveTest {

  @org.junit.jupiter.api.Test
  void eachDelaySpikeCausesOneNeedlessFailover() throws Exception {
    Summary s = LiveRun.run(ScenarioLoader.load(Path.of("simulations/flapping.conf")), RunListener.SILENT).summary();

    assertEquals(3, s.failovers().size(), "failovers: " + s.failovers());
    double[] spikes = {2000, 5000, 8000};
    for (int i = 0; i < spikes.length; i++) {
      Summary.Failover f = s.failovers().get(i);
      assertTrue(f.needless(), "the leader was alive: " + f);
      assertTrue(f.atMs() > spikes[i] && f.atMs() < spikes[i] + 1000, "during spike " + (i + 1) + ": " + f);
    }
  }

  @RepeatedTest(5)
  void nothingIsSuspectedBeforeTheFirstDelaySpike() throws Exception {
    RunResult result = LiveRun.run(ScenarioLoader.load(Path.of("simulations/flapping.conf"),
        List.of(new SettingOverride("--set", "simulation.duration=1900ms"), new SettingOverride("--set", "faults=[]"))),
        RunListener.SILENT);

    List<RunEvent> suspicions = result.events().stream()
        .filter(e -> e.type().equals("leader-suspected") || e.type().equals("election-started")).toList();
    assertEquals(List.of(), suspicions);
    assertEquals(List.of(), result.summary().failovers());
  }
}
