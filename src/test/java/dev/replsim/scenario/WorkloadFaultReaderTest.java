package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.fault.Fault;
import dev.replsim.fault.FaultDescription;
import dev.replsim.fault.ScheduledFault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The faults that change the workload mid-run: rate and clients, and every mistake a user can make in them. */
class WorkloadFaultReaderTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  private List<ScheduledFault> faults(String... lines) {
    return ScenarioLoader.load(files.write("f.conf", "workload.read-rate = 50",
        "faults = [ " + String.join(",\n", lines) + " ]")).faults();
  }

  @Test
  void rateSetsWritesReadsOrBothAndClientsStopAndStart() {
    List<ScheduledFault> faults = faults(
        "{ at = 2s, action = rate, writes = 500 }",
        "{ at = 3s, action = rate, reads = 0 }",
        "{ at = 4s, action = rate, writes = 12.5, reads = 100, duration = 2s }",
        "{ at = 7s, action = clients, running = false, duration = 1s }",
        "{ at = 9s, action = clients, running = false }",
        "{ at = 10s, action = clients, running = true }");

    assertEquals(new Fault.Rate(500.0, null), faults.get(0).fault());
    assertEquals(new Fault.Rate(null, 0.0), faults.get(1).fault());
    assertEquals(new Fault.Rate(12.5, 100.0), faults.get(2).fault());
    assertEquals(2_000_000, faults.get(2).durationMicros());
    assertEquals(new Fault.Clients(false), faults.get(3).fault());
    assertEquals(new Fault.Clients(true), faults.get(5).fault());
    assertEquals("4s f3: rate writes 12.5/s, reads 100/s for 2s", FaultDescription.describe(faults.get(2)));
    assertEquals("7s f4: clients stop for 1s", FaultDescription.describe(faults.get(3)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      { at = 1s, action = rate }                                  | a rate fault changes a rate: give it writes, reads or both
      { at = 1s, action = rate, writes = 0 }                      | faults[0].writes = 0 is out of range: must be a number of writes per second greater than 0, e.g. 500; to stop the writes, stop the clients
      { at = 1s, action = rate, writes = -5 }                     | faults[0].writes = -5 is out of range: must be a number of writes per second greater than 0
      { at = 1s, action = rate, writes = fast }                   | faults[0].writes = "fast" is not a number: must be a number of writes per second greater than 0
      { at = 1s, action = rate, writes = unlimited }              | faults[0].writes = unlimited is not a rate a fault can set
      { at = 1s, action = rate, reads = 2000000 }                 | faults[0].reads = 2000000 is out of range: must be a number of reads per second from 0 (none) to 1000000
      { at = 1s, action = rate, writes = 10, node = leader }      | unknown key faults[0].node for a rate fault; it takes at, action, name, duration, writes and reads
      { at = 1s, action = rate, write = 10 }                      | unknown key faults[0].write for a rate fault; did you mean faults[0].writes?
      { at = 1s, action = clients }                               | faults[0].running is missing: a clients fault stops the clients (running = false) or starts them again (running = true)
      { at = 1s, action = clients, running = maybe }              | faults[0].running = "maybe" is not a boolean: must be true or false
      { at = 1s, action = clients, running = true, duration = 2s } | faults[0].duration does not go with running = true
      { at = 1s, action = rates, writes = 10 }                    | faults[0].action = rates is not a fault action: must be add-follower, clients, commit, crash, heal, link, method, partition, pause, rate, restart, skew, slow or switchover; did you mean rate?
      """)
  void badWorkloadFaultsAreRefusedWithFileLineKeyAndWhatIsAllowed(String fault, String expected) {
    files.assertFaultRefused("# line 1", fault, expected);
  }

  @Test
  void aClosedLoopHasNoWriteRateToChange() {
    Path file = files.write("closed.conf", "workload.write-rate = unlimited",
        "faults = [ { at = 1s, action = rate, writes = 100 } ]");
    assertTrue(error(file).contains("faults[0].writes = 100 cannot be set: workload.write-rate = unlimited"),
        error(file));
  }

  @Test
  void aScenarioThatDoesNotReadHasNoReadRateToChange() {
    Path file = files.write("noreads.conf", "faults = [ { at = 1s, action = rate, reads = 100 } ]");
    assertTrue(error(file).contains("faults[0].reads = 100 cannot be set: the scenario does not read"), error(file));
  }
}
