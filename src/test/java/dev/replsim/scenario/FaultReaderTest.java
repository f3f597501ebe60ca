package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.fault.Target;
import dev.replsim.random.Distribution;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fault schedule of a scenario: what each action reads, and every mistake a user can make in it. */
class FaultReaderTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  private List<ScheduledFault> faults(String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "faults = [";
    System.arraycopy(lines, 0, all, 1, lines.length);
    all[all.length - 1] = "]";
    return ScenarioLoader.load(files.write("f.conf", all)).faults();
  }

  @Test
  void eachActionReadsItsTargetsAndTheScheduleIsInTimeOrder() {
    List<ScheduledFault> faults = faults(
        "{ at = 8s, action = restart, node = follower-1 }",
        "{ at = 2s, action = crash, node = follower-1 }",
        "{ at = 3s, action = pause, node = current-leader, duration = 500ms }",
        "{ at = 4s, action = slow, node = follower-2, apply-time = { distribution = constant, value = 5ms } }",
        "{ at = 5s, action = partition, name = p1, groups = [[leader], [follower-1, follower-2]] }",
        "{ at = 6s, action = heal, partition = p1 }",
        "{ at = 7s, action = link, from = leader, to = \"*\", loss = 0.2, bandwidth = \"1MB/s\", duration = 1s }",
        "{ at = 9s, action = skew, node = follower-3, offset = -2s }");

    assertEquals(List.of(2_000_000L, 3_000_000L, 4_000_000L, 5_000_000L, 6_000_000L, 7_000_000L, 8_000_000L,
        9_000_000L), faults.stream().map(ScheduledFault::atMicros).toList());
    assertEquals(new Fault.Crash(Target.node("follower-1")), faults.get(0).fault());
    assertEquals(new Fault.Pause(Target.selector("current-leader")), faults.get(1).fault());
    assertEquals(500_000, faults.get(1).durationMicros());
    assertEquals(new Distribution.Constant(5_000), ((Fault.Slow) faults.get(2).fault()).applyTime());
    Fault.Partition p = (Fault.Partition) faults.get(3).fault();
    assertEquals("p1", faults.get(3).id());
    assertEquals(List.of(Target.node("leader"), Target.group(List.of("follower-1", "follower-2")), Target.REST),
        p.groups());
    Fault.LinkChange link = (Fault.LinkChange) faults.get(5).fault();
    assertEquals(0.2, link.patch().loss());
    assertEquals(1_000_000L, link.patch().bandwidthBytesPerSec());
    assertEquals(Target.ALL, link.to());
    assertEquals(-2_000_000, ((Fault.Skew) faults.get(7).fault()).offsetMicros());
  }

  @Test
  void aOneWayPartitionCutsOnlyFromTheFirstGroupToTheSecond() {
    Fault.Partition p = (Fault.Partition) faults(
        "{ at = 1s, action = partition, groups = [[follower-1], [leader]], one-way = true }").get(0).fault();
    assertTrue(p.oneWay());
    assertEquals(2, p.groups().size(), "nodes in neither group are not cut off");
  }

  @Test
  void theNemesisAddsItsFaultsToTheSchedule() {
    Path file = files.write("n.conf", "nemesis { enabled = true, start = 1s, interval = 4s, duration = 1s }");
    List<ScheduledFault> faults = ScenarioLoader.load(file).faults();
    assertEquals(5, faults.size(), "at 1, 5, 9, 13 and 17 s of 20 s");
    assertFalse(ScenarioLoader.load(files.write("quiet.conf", "# no nemesis")).faults().size() > 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      { at = 1s, action = chrash, node = leader }                 | faults[0].action = chrash is not a fault action: must be add-follower, clients, commit, crash, heal, link, method, partition, pause, rate, restart, skew, slow or switchover; did you mean crash?
      { at = 1s, action = add-follower, node = follower-1 }       | faults[0].node = follower-1 is already a node of the cluster: an added follower needs a new name, e.g. follower-4
      { at = 1s, action = crash, node = follower-9 }              | faults[0].node = follower-9 is not a node or a selector
      { at = 1s, action = crash, nod = leader }                   | unknown key faults[0].nod for a crash fault; did you mean faults[0].node?
      { at = 1s, action = pause, node = leader }                  | faults[0].action = pause needs a duration: how long the node stops, e.g. duration = 2s
      { at = 30s, action = crash, node = leader }                 | faults[0].at = 30s is out of range: must be a time from 0 up to simulation.duration = 20000ms, e.g. 5s
      { at = 1s, action = heal }                                  | faults[0] heals at 1s, but no partition is active then: there is nothing to heal
      { at = 1s, action = restart, node = follower-1 }            | faults[0] restarts follower-1 at 1s, but follower-1 is not crashed then (crash it before, without a duration)
      { at = 1s, action = link, from = leader, to = follower-1, loss = 1.5 } | faults[0].loss = 1.5 is out of range
      { at = 1s, action = partition, groups = [[leader], [follower-1], [follower-2]], one-way = true } | faults[0].one-way = true needs exactly two groups
      { at = 1s, action = partition, groups = [[leader], [leader]] } | names leader again: each node is in one group
      { at = 1s, action = slow, node = leader, apply-time = { distribution = normal, mean = -1ms, stddev = 1ms } } | faults[0].apply-time.mean
      """)
  void badFaultsAreRefusedWithFileLineKeyAndWhatIsAllowed(String fault, String expected) {
    files.assertFaultRefused("# line 1", fault, expected);
  }

  @Test
  void aHealAfterItsPartitionEndedHasNothingToHeal() {
    Path file = files.write("late.conf", "faults = [",
        "  { at = 1s, action = partition, name = p1, isolate = follower-1, duration = 1s }",
        "  { at = 3s, action = heal, partition = p1 }", "]");
    String message = error(file);
    assertTrue(message.startsWith(file + ":3: "), message);
    assertTrue(message.contains("no partition of that name is active then (active: none)"), message);
  }

  @Test
  void aNemesisKindThatDoesNotExistIsNamed() {
    Path file = files.write("n.conf", "nemesis.kinds = [partition, crsh]");
    assertTrue(error(file).contains("nemesis.kinds = [\"partition\",\"crsh\"] names crsh, not a fault kind"),
        error(file));
  }
}
