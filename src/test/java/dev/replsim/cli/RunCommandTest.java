package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.TestRuns;
import dev.replsim.metrics.HostRun;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.TimeMode;
import dev.replsim.sim.RunFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private final CliHarness cli = new CliHarness();

  @TempDir Path tmp;

  @Test
  void runWritesTheResultsAndPrintsTheLagTable() {
    Path out = tmp.resolve("lag-demo");
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", out.toString()));

    for (String file : List.of("summary.json", "timeseries.csv", "events.jsonl", "scenario.conf")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    String printed = cli.out();
    assertTrue(printed.contains("""
              -------- apply lag (ms) ---------      receive    ---- max behind ----
        follower         p50      p90      p99      max     p50 (ms)    entries        bytes
        follower-1      30.5     36.6     45.8     61.0         29.0         12         1536
        follower-2      81.3     97.5    121.9    162.5         80.0         40         5120
        """.replace("\n", System.lineSeparator())), printed);
    assertTrue(printed.contains("p50 60.5  p90 75.0  p99 79.9  max 1012.5 ms"), printed);
    assertTrue(printed.contains("4000 attempted, 3998 acknowledged, 2 failed, 0 lost, 3 semi-sync fallbacks"), printed);
    assertTrue(printed.contains("driver           live: a Pekko Cluster over Artery on 127.0.0.1, in real time"),
        printed);
    assertTrue(printed.contains("199.9 writes/s acknowledged"), printed);
    assertTrue(printed.contains("NOT converged; diverged from the leader: follower-2"), printed);
    assertTrue(printed.contains(out.toAbsolutePath().toString()), printed);
    printed.lines().forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
  }

  @Test
  void phasesAndProgressArePrintedWhileRunning() {
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", tmp.resolve("out").toString()));
    List<String> lines = cli.out().lines().toList();
    assertTrue(lines.contains("writing"), cli.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains("10.0s/20.0s") && l.contains("crash leader")), cli.out());
  }

  @Test
  void setSeedAndDurationBecomeOverridesWithTheFlagsLast() {
    cli.execute("run", "lag.conf", "--seed", "7", "--set", "network.delay.value=50ms", "--duration", "30s",
        "--set", "workload.clients=8", "--out", tmp.resolve("out").toString());
    assertEquals(List.of(List.of(
        new SettingOverride("--set", "network.delay.value=50ms"),
        new SettingOverride("--set", "workload.clients=8"),
        new SettingOverride("--seed", "simulation.seed=7"),
        new SettingOverride("--duration", "simulation.duration=30s"))), cli.loadedOverrides);
  }

  @Test
  void timeVirtualBecomesTheLastOverrideAndReachesTheScenarioRun() throws IOException {
    Path file = Files.writeString(tmp.resolve("t.conf"), "simulation.duration = 1s");
    cli.scenarios = ScenarioLoader::load;
    assertEquals(ExitCode.OK, cli.execute("run", file.toString(), "--time", "virtual", "--set",
        "simulation.time=live", "--out", tmp.resolve("out").toString()));
    assertEquals(List.of(List.of(new SettingOverride("--set", "simulation.time=live"),
        new SettingOverride("--time", "simulation.time=virtual"))), cli.loadedOverrides);
    assertEquals(TimeMode.VIRTUAL, cli.runs.get(0).simulation().time());
  }

  @Test
  void timeOtherThanLiveOrVirtualIsABadFlagOnEveryScenarioCommand() {
    for (String command : List.of("run", "validate", "bench")) {
      CliHarness each = new CliHarness();
      assertEquals(ExitCode.BAD_INPUT, each.execute(command, "lag.conf", "--time", "bogus"), command);
      assertTrue(each.err().contains("Invalid value for option '--time': 'bogus' is not a time mode: "
          + "write --time live or --time virtual"), each.err());
      assertTrue(each.loadedFiles.isEmpty() && each.runs.isEmpty(), "nothing is loaded or run");
    }
  }

  @Test
  void nonEmptyOutputDirectoryIsRefusedBeforeAnythingRuns() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertEquals(ExitCode.BAD_INPUT, cli.execute("run", "lag.conf", "--out", tmp.toString()));
    assertTrue(cli.err().contains(tmp.toString()) && cli.err().contains("--force"), cli.err());
    assertTrue(cli.runs.isEmpty(), "no run happens");
    assertEquals(List.of(tmp.resolve("notes.txt")), Files.list(tmp).toList());
  }

  @Test
  void forceWritesIntoANonEmptyDirectoryAndKeepsTheUsersFiles() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    Files.writeString(tmp.resolve("summary.json"), "from an earlier run");
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", tmp.toString(), "--force"));
    assertEquals("mine", Files.readString(tmp.resolve("notes.txt")));
    assertTrue(Files.readString(tmp.resolve("summary.json")).contains("\"lag-demo\""));
  }

  @Test
  void emptyExistingOutputDirectoryNeedsNoForce() {
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", tmp.toString()));
    assertTrue(Files.exists(tmp.resolve("summary.json")));
  }

  @Test
  void failedRunLeavesNoOutputDirectory() {
    Path out = tmp.resolve("never");
    cli.runner = (scenario, listener) -> {
      throw new RunFailedException("follower-2 stopped answering");
    };
    assertEquals(ExitCode.RUN_FAILED, cli.execute("run", "lag.conf", "--out", out.toString()));
    assertFalse(Files.exists(out));
  }

  @Test
  void scenarioOutputDirIsUsedWithoutOut() {
    Path dir = tmp.resolve("from-scenario");
    cli.scenarios = (file, overrides) -> TestRuns.scenario(dir.toString());
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf"));
    assertTrue(Files.exists(dir.resolve("summary.json")));
  }

  @Test
  void outputPathThatIsAFileIsBadInput() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    assertEquals(ExitCode.BAD_INPUT, cli.execute("run", "lag.conf", "--out", file.toString(), "--force"));
    assertTrue(cli.err().contains("not a directory"), cli.err());
    assertTrue(cli.runs.isEmpty());
  }

  @Test
  void variantsRunInTurnIntoTheirOwnDirectoriesAndEndWithAComparisonTable() {
    Path out = tmp.resolve("compare");
    Scenario base = TestRuns.scenario();
    cli.scenarios = (file, overrides) -> base.withVariants(List.of(
        new Scenario.Variant("statement", TestRuns.scenario()), new Scenario.Variant("wal", TestRuns.scenario())));
    cli.runner = (scenario, listener) -> withReplication(TestRuns.result(),
        new Summary.Replication("statement", 4000, 436_000, 109.0, 1_620_000, 135.0, 0));

    assertEquals(ExitCode.OK, cli.execute("run", "compare.conf", "--out", out.toString()));

    assertEquals(2, cli.runs.size());
    for (String variant : List.of("statement", "wal")) {
      assertTrue(Files.isRegularFile(out.resolve(variant).resolve("summary.json")), variant);
    }
    String printed = cli.out();
    assertTrue(printed.contains("in 2 variants (statement, wal)"), printed);
    assertTrue(printed.contains("variant   method         log  shipped       p50       p99       p50       p99  replicas"),
        printed);
    assertTrue(printed.contains("statement logical      109.0    135.0      81.3     121.9      60.5      79.9  1 diverged"),
        printed);
    assertTrue(printed.contains("statement diverged from the leader: follower-2"), printed);
    printed.lines().filter(line -> !line.contains(tmp.toString()))
        .forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
  }

  @Test
  void readsTheirAnomaliesTheSessionAndTheLinearizabilityVerdictArePrintedWithinOneHundredColumns() {
    Summary.Reads reads = new Summary.Reads(5024, 455, 116, 3, 1, 2, 0,
        java.util.Map.of("follower-1", 3000L, "leader", 2024L), true, 0,
        new Summary.Staleness(new Summary.Amounts(1.0, 1, 2, 3), new Summary.Amounts(24.3, 20, 70.8, 90)),
        new Summary.Session("read-your-writes", 1700, 100, new LatencyStats(1800, 40, 39.8, 45, 60, 84.5)),
        Summary.Visibility.NONE);
    Summary.Linearizability lin = new Summary.Linearizability("not linearizable", 1922, 1922, null, 20, 20, 0,
        List.of(new Summary.Counterexample("k10", "no order of these operations takes each effect between its "
            + "invoke and its complete and has every read return the latest value written",
            List.of("c2   write k10 = c2-151      3354.110..3354.715 ms  OK  on leader",
                "c3   read  k10 = c2-151      3566.587..3567.154 ms  OK  on follower-1"))));
    cli.runner = (scenario, listener) -> {
      RunResult r = TestRuns.result();
      return new RunResult(r.summary().withChecks(reads, lin), r.timeseries(), r.events());
    };

    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", tmp.resolve("out").toString()));

    String printed = cli.out();
    assertTrue(printed.contains("reads            5024 answered (3000 by followers, 2024 by the leader), 2 failed"),
        printed);
    assertTrue(printed.contains("read anomalies   455 stale, 116 read-your-writes, 3 monotonic-read, 1 "
        + "consistent-prefix violations"), printed);
    assertTrue(printed.contains("session          read-your-writes: 1700 reads held by a follower"), printed);
    assertTrue(printed.contains("linearizability  not linearizable (1922 operations, 20 keys: 20 not linearizable"),
        printed);
    assertTrue(printed.contains("                   c3   read  k10 = c2-151"), printed);
    printed.lines().filter(line -> !line.contains(tmp.toString()))
        .forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
  }

  @Test
  void checkLinearizableBecomesAnOverrideAndAnyOtherCheckIsABadFlag() {
    cli.execute("run", "lag.conf", "--check", "linearizable", "--set", "workload.clients=8", "--out",
        tmp.resolve("out").toString());
    assertEquals(List.of(List.of(new SettingOverride("--set", "workload.clients=8"),
        new SettingOverride("--check", "check.linearizable=true"))), cli.loadedOverrides);

    assertEquals(ExitCode.BAD_INPUT, cli.execute("run", "lag.conf", "--check", "serializable"));
    assertTrue(cli.err().contains("'serializable' is not a check: write --check linearizable"), cli.err());
  }

  private static RunResult withReplication(RunResult r, Summary.Replication replication) {
    Summary s = r.summary();
    return new RunResult(new Summary(s.scenario(), s.cluster(), s.writes(), s.commitLatencyMs(), s.lag(), s.reads(),
        s.failovers(), s.faults(), s.convergence(), s.network(), s.throughput(), s.run(), replication),
        r.timeseries(), r.events(), r.latency(), r.messages());
  }

  @Test
  void aVirtualRunSaysSoAndHowFastItWent() {
    RunResult canned = TestRuns.result();
    Summary s = canned.summary();
    Summary virtual = new Summary(s.scenario(), s.cluster(), s.writes(), s.commitLatencyMs(), s.lag(), s.reads(),
        s.failovers(), s.faults(), s.convergence(), s.network(), s.throughput(),
        new Summary.Run(0, 0, s.run().writeMs(), s.run().drainMs(), true, 0, 0, "virtual"), s.replication(),
        s.failover(), s.linearizability(), s.recoveries());
    cli.runner = (scenario, listener) -> new RunResult(virtual, canned.timeseries(), canned.events(), List.of(),
        List.of(), List.of(), List.of(), new HostRun("virtual", 3405.7, 3_600_034, 1057.1, 8_207_272, 2_409_883,
        140_785_128));
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", tmp.resolve("v").toString()));
    assertTrue(cli.out().contains(
        "driver           virtual time: 3600.0 s simulated in 3.4 s (1,057× real time, 8,207,272 events)"), cli.out());
    assertTrue(Files.isRegularFile(tmp.resolve("v").resolve("run.json")), "the host's figures, apart");
  }
}
