package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes, lost disks and added followers on a real cluster with the H2 journal. Bounds are
 * generous: these runs share two cores with the test JVM.
 */
class DurableLiveTest {

  @TempDir Path dir;

  private Summary run(String name, String... lines) throws IOException, RunFailedException {
    Path file = dir.resolve(name + ".conf");
    Files.writeString(file, "simulation { name = " + name + ", duration = 4s, sample-interval = 100ms }\n"
        + "cluster { followers = 2, snapshot-interval = 300, log-retention = 1000 }\n"
        + "network.delay = { distribution = constant, value = 5ms }\n"
        + "workload.write-rate = 300\n"
        + String.join("\n", lines) + "\n");
    Scenario scenario = ScenarioLoader.load(file).withOutputDir(dir.resolve(name).toString());
    return LiveRun.run(scenario, RunListener.SILENT).summary();
  }

  @Test
  void aFollowerCrashedWithWritesInFlightRecoversItsJournalAndCatchesUpWithoutASnapshot() throws Exception {
    Summary s = run("crash",
        "cluster.persistence = h2",
        "faults = [ { at = 1s, action = crash, node = follower-1 }, { at = 1500ms, action = restart, node = follower-1 } ]");

    assertEquals(1, s.recoveries().size());
    Summary.Recovery r = s.recoveries().get(0);
    assertEquals("h2", r.journal());
    assertTrue(r.recoveredLsn() > 100, "it came back with its log: " + r);
    assertEquals(0, r.snapshotBytes(), "it was shipped only what it missed: " + r);
    assertNotNull(r.caughtUpMs(), "it caught up: " + r);
    assertTrue(s.convergence().converged(), s.convergence().toString());
    assertTrue(Files.exists(dir.resolve("crash").resolve("journal").resolve("follower-1")));
  }

  @Test
  void aRecoveredFollowerBehindTheLeadersRetainedLogIsSetUpFromASnapshotAndConverges() throws Exception {
    // down 1.5 s at 300 writes/s: about 450 entries behind, and the leader keeps only 100, so
    // even a machine too loaded to issue a quarter of the writes leaves it beyond the retained log
    Summary s = run("behind",
        "cluster { persistence = h2, snapshot-interval = 100, log-retention = 100 }",
        "faults = [ { at = 1s, action = crash, node = follower-1 }, { at = 2500ms, action = restart, node = follower-1 } ]");

    Summary.Recovery r = s.recoveries().get(0);
    assertTrue(r.recoveredLsn() > 100, "it came back with its log: " + r);
    assertTrue(r.snapshotBytes() > 0, "but the leader no longer held what it missed: " + r);
    assertNotNull(r.caughtUpMs(), "it caught up: " + r);
    assertTrue(s.convergence().converged(), s.convergence().toString());
  }

  @Test
  void aLeaderRestartedOnItsJournalLeadsAgainWithItsLogAndLosesNoAcknowledgedWrite() throws Exception {
    Summary s = run("leader",
        "cluster.persistence = h2",
        "faults = [ { at = 1s, action = crash, node = leader }, { at = 1500ms, action = restart, node = leader } ]");

    Summary.Recovery r = s.recoveries().get(0);
    assertEquals("leader", r.node());
    assertTrue(r.recoveredLsn() > 100, "it came back with its log: " + r);
    assertEquals(0, s.writes().lost(), "with the memory journal every acknowledged write would be gone");
    assertTrue(s.writes().acknowledged() > r.recoveredLsn(), "it took writes again: " + s.writes());
    assertTrue(s.convergence().converged(), s.convergence().toString());
  }

  @Test
  void aFollowerWhoseDiskWasLostIsSetUpFromASnapshotAndConverges() throws Exception {
    Summary s = run("wiped",
        "cluster.persistence = h2",
        "faults = [ { at = 1s, action = crash, node = follower-1 },"
            + " { at = 1500ms, action = restart, node = follower-1, wipe = true } ]");

    Summary.Recovery r = s.recoveries().get(0);
    assertTrue(r.wiped());
    assertEquals(0, r.recoveredLsn(), "it came back empty: " + r);
    assertTrue(r.snapshotBytes() > 0, "it was sent a snapshot: " + r);
    assertTrue(s.convergence().converged(), s.convergence().toString());
  }

  @Test
  void aFollowerAddedMidRunIsSetUpFromASnapshotAndConverges() throws Exception {
    Summary s = run("added", "faults = [ { at = 1s, action = add-follower, node = follower-3 } ]");

    Summary.Recovery r = s.recoveries().get(0);
    assertEquals("add-follower", r.kind());
    assertTrue(r.snapshotBytes() > 0, "it was sent a snapshot: " + r);
    assertNotNull(r.caughtUpMs(), "it caught up: " + r);
    assertTrue(s.lag().containsKey("follower-3"));
    assertTrue(s.convergence().converged(), s.convergence().toString());
  }
}
