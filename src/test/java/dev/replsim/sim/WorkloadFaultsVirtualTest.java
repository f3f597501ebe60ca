package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.Operation;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate and clients faults in virtual time: with constant arrivals every client issues exactly its
 * share of the old rate before the change and of the new rate after it, a stop issues nothing, and
 * the run stays the same from one run to the next.
 */
class WorkloadFaultsVirtualTest {

  private static final long SECOND = 1_000_000;

  @TempDir Path dir;

  /** 4 clients, constant arrivals, 200 writes and 40 reads a second for 10 s, with these faults. */
  private static Scenario scenario(String workload, String faults, String... more) {
    return ScenarioLoader.load("workload-faults", String.join("\n", String.join("\n", more),
        "simulation { name = workload-faults, seed = 7, duration = 10s, time = virtual }",
        "cluster.followers = 1",
        "network.delay = { distribution = constant, value = 1ms }",
        "workload { clients = 4, write-rate = 200, arrival = constant, read-rate = 40, read-from = leader }",
        "workload { " + workload + " }",
        "faults = [ " + faults + " ]"), List.of());
  }

  /** How many operations of {@code kind} were invoked in [from, to) s after the writes started. */
  private static long invoked(RunResult result, Operation.Kind kind, double from, double to) {
    return result.history().stream().filter(o -> o.kind() == kind
        && o.invokeMicros() >= from * SECOND && o.invokeMicros() < to * SECOND).count();
  }

  @Test
  void aRateFaultChangesTheWriteAndReadRatesFromItsInstant() throws Exception {
    RunResult result = VirtualRun.run(scenario("", "{ at = 4s, action = rate, writes = 400, reads = 80 }"),
        RunListener.SILENT);

    assertEquals(800, invoked(result, Operation.Kind.WRITE, 0, 4), "200/s for 4 s");
    assertEquals(2400, invoked(result, Operation.Kind.WRITE, 4, 10), "400/s for 6 s");
    assertEquals(160, invoked(result, Operation.Kind.READ, 0, 4), "40/s for 4 s");
    assertEquals(480, invoked(result, Operation.Kind.READ, 4, 10), "80/s for 6 s");
    assertEquals(3200, result.summary().writes().attempted());
    RunEvent fault = result.events().stream().filter(e -> e.type().equals("fault")).findFirst().orElseThrow();
    assertEquals("rate", fault.details().get("action"));
    assertEquals(400.0, fault.details().get("writes"));
    assertEquals(80.0, fault.details().get("reads"));
  }

  @Test
  void aRateFaultWithADurationPutsTheScenariosRatesBack() throws Exception {
    RunResult result = VirtualRun.run(scenario("", "{ at = 2s, action = rate, writes = 100, duration = 4s }"),
        RunListener.SILENT);

    assertEquals(400, invoked(result, Operation.Kind.WRITE, 0, 2));
    assertEquals(400, invoked(result, Operation.Kind.WRITE, 2, 6), "100/s for 4 s");
    assertEquals(800, invoked(result, Operation.Kind.WRITE, 6, 10), "200/s again");
    assertEquals(400, invoked(result, Operation.Kind.READ, 0, 10), "the reads kept their rate");
  }

  @Test
  void stoppedClientsIssueNothingAndResumeAtTheirRate() throws Exception {
    RunResult result = VirtualRun.run(scenario("",
        "{ at = 3s, action = clients, running = false }, { at = 5s, action = clients, running = true }"),
        RunListener.SILENT);

    assertEquals(600, invoked(result, Operation.Kind.WRITE, 0, 3));
    assertEquals(0, invoked(result, Operation.Kind.WRITE, 3, 5));
    assertEquals(0, invoked(result, Operation.Kind.READ, 3, 5));
    assertEquals(1000, invoked(result, Operation.Kind.WRITE, 5, 10));
    assertEquals(200, invoked(result, Operation.Kind.READ, 5, 10));
    List<String> types = result.events().stream().map(RunEvent::type).toList();
    assertTrue(types.contains("heal"), "the start ends the stop: " + types);
  }

  @Test
  void aStopWithADurationUndoesItself() throws Exception {
    RunResult result = VirtualRun.run(scenario("",
        "{ at = 3s, action = clients, running = false, duration = 2s }"), RunListener.SILENT);

    assertEquals(0, invoked(result, Operation.Kind.WRITE, 3, 5));
    assertEquals(1000, invoked(result, Operation.Kind.WRITE, 5, 10));
  }

  @Test
  void aClosedLoopStopsAndFillsUpAgain() throws Exception {
    RunResult result = VirtualRun.run(scenario("write-rate = unlimited, max-outstanding = 2",
        "{ at = 3s, action = clients, running = false, duration = 2s }",
        "cluster.replication.mode = sync"), RunListener.SILENT); // a commit takes a round trip

    assertTrue(invoked(result, Operation.Kind.WRITE, 0, 3) > 1000);
    // a write answered after the stop is not replaced: nothing new starts
    assertEquals(0, invoked(result, Operation.Kind.WRITE, 3.001, 5));
    assertTrue(invoked(result, Operation.Kind.WRITE, 5, 10) > 1000);
  }

  @Test
  void readsStartFromZeroWhenTheScenarioReadsInProbes() throws Exception {
    RunResult result = VirtualRun.run(scenario("read-rate = 0, read-after-write.enabled = true",
        "{ at = 4s, action = rate, reads = 100 }"), RunListener.SILENT);

    // a probe follows each write: what is read beyond the writes is the read rate's
    long probesBefore = invoked(result, Operation.Kind.WRITE, 0, 4);
    long probesAfter = invoked(result, Operation.Kind.WRITE, 4, 10);
    assertEquals(0, invoked(result, Operation.Kind.READ, 0, 4) - probesBefore, 2, "no reads at rate 0");
    assertEquals(600, invoked(result, Operation.Kind.READ, 4, 10) - probesAfter, 2, "100/s for 6 s");
  }

  @Test
  void aRunWithWorkloadFaultsIsTheSameEveryTime() throws Exception {
    Scenario scenario = ScenarioLoader.load("workload-faults", String.join("\n",
        "simulation { name = workload-faults, seed = 11, duration = 6s, time = virtual }",
        "workload { clients = 3, write-rate = 300, arrival = poisson, read-rate = 60 }",
        "faults = [ { at = 1s, action = rate, writes = 900, reads = 10 },",
        "  { at = 2s, action = clients, running = false, duration = 500ms },",
        "  { at = 4s, action = rate, writes = 50, duration = 1s } ]"), List.of());
    Path first = VirtualRuns.runInto(dir, "first", scenario);
    Path second = VirtualRuns.runInto(dir, "second", scenario);

    assertArrayEquals(Files.readAllBytes(first.resolve("events.jsonl")), Files.readAllBytes(second.resolve("events.jsonl")));
    assertArrayEquals(Files.readAllBytes(first.resolve("history.csv")), Files.readAllBytes(second.resolve("history.csv")));
  }
}
