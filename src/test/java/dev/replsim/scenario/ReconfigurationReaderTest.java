package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.fault.Fault;
import dev.replsim.fault.FaultDescription;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.protocol.ReplicationMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The faults that reconfigure the cluster mid-run, {@code commit} and {@code method}, and the mistakes made in them. */
class ReconfigurationReaderTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  private Scenario load(String... faults) {
    return ScenarioLoader.load(files.write("r.conf", "cluster.followers = 3", "faults = [",
        String.join("\n", faults), "]"));
  }

  @Test
  void aCommitFaultReadsWhatItChangesAndLeavesTheRestToWhatIsInForce() {
    List<ScheduledFault> faults = load(
        "{ at = 2s, action = commit, mode = sync }",
        "{ at = 3s, action = commit, mode = semi-sync, acks = 2, ack-level = durable, timeout = 250ms }").faults();

    Fault.Commit sync = (Fault.Commit) faults.get(0).fault();
    assertEquals(new Fault.Commit(CommitMode.SYNC, 0, null, 0), sync);
    assertEquals(new Fault.Commit(CommitMode.SEMI_SYNC, 2, AckLevel.DURABLE, 250_000), faults.get(1).fault());
    CommitPolicy before = new CommitPolicy(CommitMode.SEMI_SYNC, 1, AckLevel.APPLIED, 1_000_000);
    assertEquals(new CommitPolicy(CommitMode.SYNC, 1, AckLevel.APPLIED, 1_000_000), sync.over(before));
    assertEquals("2s f1: commit mode = sync", FaultDescription.describe(faults.get(0)));
    assertEquals("3s f2: commit mode = semi-sync, acks = 2, ack-level = durable, timeout = 250ms",
        FaultDescription.describe(faults.get(1)));
  }

  @Test
  void aMethodFaultReadsTheMethodAndASwitchToWalKeepsPagesOnEveryNodeFromTheStart() {
    Scenario logical = load("{ at = 3s, action = method, method = logical }");
    Scenario wal = load("{ at = 3s, action = method, method = wal }");

    assertEquals(new Fault.Method(ReplicationMethod.LOGICAL), logical.faults().get(0).fault());
    assertEquals("3s f1: method logical", FaultDescription.describe(logical.faults().get(0)));
    assertFalse(logical.keepsPages(), "rows and statements need no pages");
    assertTrue(wal.keepsPages(), "WAL copies pages: every node has them before the switch");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      { at = 1s, action = commit, mode = quick }                | faults[0].mode = quick is not a commit mode: must be async, sync or semi-sync
      { at = 1s, action = commit, mode = semi-sync, acks = 4 }  | faults[0].acks = 4 is out of range: with 3 followers, semi-sync acks must be 1..3
      { at = 1s, action = commit, acks = 0 }                    | faults[0].acks = 0 is out of range
      { at = 1s, action = commit, ack-level = flushed }         | faults[0].ack-level = flushed is not an ack level
      { at = 1s, action = commit, timeout = 0s }                | faults[0].timeout = 0s is out of range
      { at = 1s, action = commit }                              | a commit fault changes something: give it a mode, acks, ack-level or timeout
      { at = 1s, action = commit, mode = sync, wipe = true }    | unknown key faults[0].wipe for a commit fault; it takes at, action, name, duration, mode, acks, ack-level and timeout
      { at = 1s, action = commit, mod = sync }                  | unknown key faults[0].mod for a commit fault; did you mean faults[0].mode?
      { at = 1s, action = commit, mode = sync, duration = 2s }  | faults[0].duration = 2s is not for a commit fault: it stays in force until another commit fault changes it
      { at = 1s, action = method, method = binlog }             | faults[0].method = binlog is not a replication method: must be statement, wal, logical or mixed
      { at = 1s, action = method }                              | faults[0].method is missing: it must be statement, wal, logical or mixed
      { at = 1s, action = method, method = wal, duration = 2s } | faults[0].duration = 2s is not for a method fault
      """)
  void badReconfigurationsAreRefusedWithFileLineKeyAndWhatIsAllowed(String fault, String expected) {
    files.assertFaultRefused("cluster.followers = 3", fault, expected);
  }

  @Test
  void turningSemiSyncOnKeepsTheAcksInForceWhichMustFitTheFollowers() {
    Path file = files.write("acks.conf", "cluster { followers = 2, replication.acks = 3 }", "faults = [",
        "  { at = 1s, action = commit, mode = semi-sync }", "]");
    String message = error(file);
    assertTrue(message.startsWith(file + ":3: "), message);
    assertTrue(message.contains("faults[0].mode = semi-sync keeps acks = 3 (cluster.replication.acks), which is out"
        + " of range: with 2 followers, semi-sync acks must be 1..2; give faults[0].acks"), message);

    Path fixed = files.write("fixed.conf", "cluster { followers = 2, replication.acks = 3 }", "faults = [",
        "  { at = 2s, action = commit, mode = semi-sync }", "  { at = 1s, action = commit, acks = 2 }", "]");
    assertEquals(2, ScenarioLoader.load(fixed).faults().size(), "an earlier fault set acks = 2");
  }

  @Test
  void semiSyncWithoutFollowersIsRefused() {
    Path file = files.write("alone.conf", "cluster.followers = 0",
        "faults = [ { at = 1s, action = commit, mode = semi-sync } ]");
    assertTrue(error(file).contains("faults[0].mode = semi-sync needs at least one follower to ack, but"
        + " cluster.followers = 0"), error(file));
  }
}
