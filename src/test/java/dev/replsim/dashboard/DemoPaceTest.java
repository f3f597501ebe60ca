package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.RunListener;
import dev.replsim.sim.VirtualRun;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dashboard's pace: held to the wall clock, paused, stepped and sped up, it never changes what is measured. */
class DemoPaceTest {

  @Test
  void pacedRunMeasuresExactlyWhatAnUnpacedRunDoes() throws Exception {
    Scenario scenario = DemoRuns.load("simulation.duration=3s");
    AtomicLong wall = new AtomicLong();
    // a wall clock that moves 1 ms each time it is read: at 100× that is 100 ms of virtual time a read
    Demo demo = new Demo(scenario, 100, () -> wall.addAndGet(1_000_000));
    RunResult paced = VirtualRun.run(scenario, RunListener.SILENT, demo.pace(), demo);
    RunResult unpaced = VirtualRun.run(scenario, RunListener.SILENT);
    assertEquals(unpaced.summary().toString(), paced.summary().toString());
    assertEquals(unpaced.events().toString(), paced.events().toString());
  }

  @Test
  void aCrashFromThePageMeasuresWhatTheSameScheduledCrashDoes() throws Exception {
    Scenario scenario = DemoRuns.load("simulation.duration=12s");
    // 5 s of virtual time in
    RunResult paced = DemoRuns.scripted(scenario, Map.of(1_000L, new String[] {"crash", "leader"}));
    double crashMs = paced.events().stream().filter(e -> e.type().equals("fault")).findFirst().orElseThrow().tMs();
    Scenario scheduled = DemoRuns.load("simulation.duration=12s",
        "faults=[{name=d1, at=" + Math.round(crashMs * 1000) + "us, action=crash, node=leader}]");
    RunResult unpaced = VirtualRun.run(scheduled, RunListener.SILENT);
    assertEquals(unpaced.summary().convergence(), paced.summary().convergence());
    assertEquals(unpaced.summary().writes(), paced.summary().writes());
    assertEquals(unpaced.summary().failovers(), paced.summary().failovers());
  }

  @Test
  void stoppingEndsTheWritesThenDrainsAndConverges() throws Exception {
    Scenario scenario = DemoRuns.load(); // an hour, unless stopped
    // 5 s and 12 s of virtual time in
    RunResult result = DemoRuns.scripted(scenario,
        Map.of(1_000L, new String[] {"crash", "leader"}, 2_400L, new String[] {"stop", null}));
    double stoppedMs = result.events().stream().filter(e -> e.type().equals("writes-stopped")).findFirst()
        .orElseThrow().tMs();
    assertEquals(12_000, stoppedMs, 100, "the writes stopped when told");
    assertTrue(result.events().stream().anyMatch(e -> e.type().equals("drained")), "the drain finished");
    assertTrue(result.summary().convergence().converged(), result.summary().convergence().toString());
    assertTrue(result.summary().writes().lost() > 0, "async lost the writes only the crashed leader held");
  }

  @Test
  void pausedTimeStandsStillAndAStepMovesToTheNextEvent() throws Exception {
    DemoRuns run = DemoRuns.start(5);
    run.await(s -> s.simTimeMs() > 200, Duration.ofSeconds(10), "the run started");
    run.demo.act("{\"action\":\"pause\"}");
    DemoState paused = run.await(DemoState::paused, Duration.ofSeconds(5), "paused");
    DemoState s = paused;
    for (int i = 0; i < 4; i++) {
      s = run.after(s);
      assertEquals(paused.simTimeMs(), s.simTimeMs(), "simulated time moved while paused");
    }
    double next = s.nextEventMs();
    assertTrue(next > s.simTimeMs(), "the next event is later than now");
    run.demo.act("{\"action\":\"step\"}");
    DemoState stepped = run.await(n -> n.simTimeMs() != paused.simTimeMs(), Duration.ofSeconds(5), "a step");
    assertEquals(next, stepped.simTimeMs(), "a step moves to the next event's instant");
    assertTrue(stepped.paused());
    run.stop();
  }

  @Test
  void speedChangesAreHonoured() throws Exception {
    DemoRuns run = DemoRuns.start(20);
    run.await(s -> s.simTimeMs() > 200, Duration.ofSeconds(10), "the run started");
    assertEquals(20, rate(run), 10, "simulated seconds per wall second at 20×");
    run.demo.act("{\"action\":\"speed\",\"value\":2.0}");
    run.await(s -> s.speed() == 2.0, Duration.ofSeconds(5), "the new speed");
    assertEquals(2, rate(run), 1, "simulated seconds per wall second at 2×");
    run.stop();
  }

  /** Simulated seconds per wall second over about a second. */
  private static double rate(DemoRuns run) {
    DemoState first = run.after(run.demo.state());
    long wallStart = System.nanoTime();
    DemoState last = run.await(s -> System.nanoTime() - wallStart > 1_000_000_000L && s.seq() > first.seq(),
        Duration.ofSeconds(5), "a second later");
    return (last.simTimeMs() - first.simTimeMs()) / ((System.nanoTime() - wallStart) / 1e6);
  }
}
