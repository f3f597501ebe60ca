package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.fault.ScheduledFault;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Summary;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.StatementMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario shipped in {@code simulations/}, and each of its variants, runs to the end in
 * virtual time, acknowledges writes and gives a sane summary; a new scenario is picked up by
 * itself. Each runs as shipped, faults and all, with two exceptions that keep the class cheap:
 * <ul>
 *   <li>a scenario longer than {@link #LONGEST_MS} runs until {@link #AFTER_LAST_FAULT_MS} past
 *       its last fault (never shorter than {@code LONGEST_MS}), so its whole fault schedule still
 *       fits (bench-memory: 5m05s instead of 10m);</li>
 *   <li>a closed loop (write-rate = unlimited) runs at {@link #CLOSED_LOOP_RATE} writes/s: with
 *       async commits on 0 ms links (bench-throughput) its writes take no virtual time, so it
 *       cannot run in virtual time at all: the event loop fails it with "virtual time stands
 *       still", but only after 20 million events at t = 0 (half a minute of wall time here).
 *       {@code VirtualExactTest} runs a closed loop that does take time.</li>
 * </ul>
 */
class VirtualScenariosTest {

  static final long LONGEST_MS = 60_000;
  static final long AFTER_LAST_FAULT_MS = 5_000;
  static final int CLOSED_LOOP_RATE = 2000;

  @TempDir Path tmp;

  /** Each scenario (variant "") and each of its variants by name. */
  static Stream<Arguments> runs() throws Exception {
    List<Arguments> runs = new ArrayList<>();
    for (Path file : VirtualRuns.shipped()) {
      runs.add(Arguments.of(file.getFileName().toString(), ""));
      for (Scenario.Variant v : VirtualRuns.load(file).variants()) {
        runs.add(Arguments.of(file.getFileName().toString(), v.name()));
      }
    }
    return runs.stream();
  }

  /** The scenario as it runs here: see the class comment. */
  static Scenario affordable(Path file) throws Exception {
    Scenario scenario = VirtualRuns.load(file);
    List<String> sets = new ArrayList<>();
    if (scenario.workload().unlimited()) {
      sets.add("workload.write-rate=" + CLOSED_LOOP_RATE);
    }
    long lastFaultMs = scenario.faults().stream().mapToLong(ScheduledFault::atMicros).max().orElse(0) / 1000;
    long shortestMs = Math.max(LONGEST_MS, lastFaultMs + AFTER_LAST_FAULT_MS);
    if (scenario.simulation().duration().toMillis() > shortestMs) {
      sets.add("simulation.duration=" + shortestMs + "ms");
    }
    return sets.isEmpty() ? scenario : VirtualRuns.load(file, sets.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void runsToTheEndInVirtualTimeWithASaneSummary(String file, String variant) throws Exception {
    Scenario base = affordable(Path.of("simulations", file));
    Scenario scenario = variant.isEmpty() ? base
        : base.variants().stream().filter(v -> v.name().equals(variant)).findFirst().orElseThrow().scenario();

    RunResult result = VirtualRuns.run(scenario);
    Summary s = result.summary();
    long durationMs = scenario.simulation().duration().toMillis();

    assertEquals(new Summary.ScenarioInfo(scenario.simulation().name(), String.valueOf(scenario.file()),
        scenario.simulation().seed(), durationMs), s.scenario());
    assertEquals("virtual", result.host().driver());
    assertEquals(new Summary.Run(0, 0, durationMs, s.run().drainMs(), s.run().drained(), 0, 0, "virtual"), s.run(),
        "writes for exactly the duration, host figures 0");
    assertEquals(List.of((double) durationMs), result.events().stream()
        .filter(e -> e.type().equals("writes-stopped")).map(RunEvent::tMs).toList());

    Summary.Writes w = s.writes();
    assertTrue(w.acknowledged() > 0, "writes acknowledged: " + w);
    assertEquals(w.attempted(), w.acknowledged() + w.failed(), "each write acknowledged or failed: " + w);
    assertTrue(w.lost() <= w.acknowledged(), w.toString());
    assertEquals(w.acknowledged(), s.commitLatencyMs().count(), "a commit latency per acknowledged write");
    assertEquals(Math.round(w.acknowledged() * 10_000.0 / durationMs) / 10.0, s.throughput().writesPerSec(), 0.1001);

    for (String follower : s.lag().keySet()) {
      if (!s.convergence().refusedNodes().contains(follower)) {
        assertTrue(s.lag().get(follower).applyMs().count() > 0, follower + " applied entries: " + s.lag());
      }
    }
    Summary.NetworkStats n = s.network();
    assertTrue(n.sent() > 0 && n.delivered() + n.dropped() <= n.sent() + n.duplicated(), n.toString());

    boolean fenced = scenario.failover().election().fencing();
    assertTrue(s.run().drained() || !fenced, "drained: " + s.run());
    List<String> unexplained = new ArrayList<>(s.convergence().divergentNodes());
    unexplained.removeAll(s.convergence().refusedNodes());
    if (!fenced || statementsDiverge(scenario)) {
      unexplained.clear();
    }
    assertEquals(List.of(), unexplained, "replicas converge but where the scenario says they must not: "
        + s.convergence());

    Path out = Files.createDirectory(tmp.resolve("out"));
    OutputWriter.write(out, scenario, result);
    assertTrue(Files.exists(out.resolve(OutputWriter.SUMMARY)) && Files.exists(out.resolve(OutputWriter.HOST)));
  }

  /** Statement replication of NOW(), RAND() or UUID(): every node evaluates them itself, so the replicas differ. */
  private static boolean statementsDiverge(Scenario scenario) {
    StatementMix mix = scenario.workload().statements();
    return scenario.cluster().replication().method() == ReplicationMethod.STATEMENT
        && mix.setNow() + mix.setRand() + mix.setUuid() > 0;
  }
}
