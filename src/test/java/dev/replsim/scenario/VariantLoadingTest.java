package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.random.Distribution;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's variants: the same scenario with some keys changed, each a scenario of its own. */
class VariantLoadingTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  private Path compare() {
    return files.write("compare.conf",
        "workload.write-rate = 50",
        "variants = [",
        "  { name = statement, set { \"cluster.replication.method\" = statement } },",
        "  { name = wal-sync, set { cluster.replication { method = wal, mode = sync } } },",
        "  { name = slow, set { \"network.delay\" = { distribution = constant, value = 80ms } } }",
        "]");
  }

  @Test
  void eachVariantIsTheScenarioWithItsKeysSet() {
    Scenario s = ScenarioLoader.load(compare());

    assertEquals(ReplicationMethod.LOGICAL, s.cluster().replication().method());
    assertEquals(List.of("statement", "wal-sync", "slow"), s.variants().stream().map(Scenario.Variant::name).toList());
    Scenario statement = s.variants().get(0).scenario();
    Scenario walSync = s.variants().get(1).scenario();
    assertEquals(ReplicationMethod.STATEMENT, statement.cluster().replication().method());
    assertEquals(ReplicationMethod.WAL, walSync.cluster().replication().method());
    assertEquals(CommitMode.SYNC, walSync.cluster().replication().mode());
    assertEquals(50.0, walSync.workload().writeRate());
    assertEquals(new Distribution.Constant(80_000), s.variants().get(2).scenario().network().defaults().delay());
    assertTrue(statement.variants().isEmpty());
  }

  @Test
  void theCommandLineOverridesEveryVariant() {
    Scenario s = ScenarioLoader.load(compare(), List.of(set("workload.write-rate=10"), set("simulation.seed=9")));

    for (Scenario.Variant v : s.variants()) {
      assertEquals(10.0, v.scenario().workload().writeRate(), v.name());
      assertEquals(9, v.scenario().simulation().seed(), v.name());
    }
  }

  @Test
  void aVariantsEffectiveConfigReproducesItAloneWithoutTheOtherVariants() {
    Scenario wal = ScenarioLoader.load(compare()).variants().get(1).scenario();

    assertTrue(wal.effectiveConfig().contains("method=wal") || wal.effectiveConfig().contains("method = wal"),
        wal.effectiveConfig());
    assertTrue(!wal.effectiveConfig().contains("variants"), wal.effectiveConfig());
  }

  @Test
  void storageVersionsStatementMixAndStandbysAreRead() {
    Path file = files.write("s.conf",
        "cluster.storage { version = 2, node-versions = { follower-2 = 1 }, checkpoint-interval = 2s }",
        "cluster.replication { mode = semi-sync, quorum = first, standbys = [follower-3, follower-1],"
            + " wait-point = after-commit, row-image = full }",
        "workload.statements { set = 0.5, set-now = 0.25, update-prefix = 0.25 }");

    Scenario s = ScenarioLoader.load(file);

    StorageSettings storage = s.cluster().storage();
    assertEquals(2, storage.versionOf("leader"));
    assertEquals(1, storage.versionOf("follower-2"));
    assertEquals(java.time.Duration.ofSeconds(2), storage.checkpointInterval());
    ReplicationSettings r = s.cluster().replication();
    assertEquals(dev.replsim.protocol.Quorum.FIRST, r.quorum());
    assertEquals(List.of("follower-3", "follower-1"), r.standbys());
    assertEquals(dev.replsim.protocol.WaitPoint.AFTER_COMMIT, r.waitPoint());
    assertEquals(dev.replsim.storage.RowImage.FULL, r.rowImage());
    assertEquals(new StatementMix(0.5, 0, 0, 0.25, 0.25, 0, 0), s.workload().statements());
    assertEquals(0.25, s.workload().statements().nondeterministic());
  }

  @Test
  void theDefaultsKeepPlainSetsAndVersionOneEverywhere() {
    Scenario s = ScenarioLoader.defaults();

    assertEquals(StatementMix.SET_ONLY, s.workload().statements());
    assertEquals(StorageSettings.DEFAULT, s.cluster().storage());
    assertEquals(ReplicationMethod.LOGICAL, s.cluster().replication().method());
    assertTrue(s.variants().isEmpty());
  }
}
