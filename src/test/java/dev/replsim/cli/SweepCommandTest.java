package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.TestRuns;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.TimeMode;
import dev.replsim.sim.Drivers;
import dev.replsim.sim.RunFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replsim sweep} through the command line, over real scenarios and (where figures matter) real virtual runs. */
class SweepCommandTest {

  /** A second of writes to two followers, a short message diagram: a virtual run and its report in a blink. */
  private static final String SCENARIO = """
      simulation { name = "sweep-test", seed = 3, duration = 1s }
      cluster { followers = 2 }
      network.delay = { distribution = constant, value = 20ms, jitter = 5ms }
      report.sequence-window = 100ms
      """;

  private static final List<String> RUN_FILES =
      List.of("summary.json", "timeseries.csv", "latency.csv", "events.jsonl", "scenario.conf", "report.html");

  private final CliHarness cli = new CliHarness();

  @TempDir Path tmp;

  private Path file;

  @BeforeEach
  void realScenarios() throws IOException {
    file = Files.writeString(tmp.resolve("sweep-test.conf"), SCENARIO);
    cli.scenarios = ScenarioLoader::load;
  }

  @Test
  void aSweepRunsTheCrossProductOverSeedsIntoCompleteRunDirectoriesAndOneTable() throws IOException {
    cli.runner = Drivers::run;
    Path out = tmp.resolve("out");
    assertEquals(ExitCode.OK, sweep(out, "--vary", "network.delay.value=10ms..30ms/2",
        "--vary", "cluster.replication.mode=async,sync", "--seeds", "2"));

    List<String> ids = List.of(
        "network.delay.value-10ms_cluster.replication.mode-async_seed-3",
        "network.delay.value-10ms_cluster.replication.mode-async_seed-4",
        "network.delay.value-10ms_cluster.replication.mode-sync_seed-3",
        "network.delay.value-10ms_cluster.replication.mode-sync_seed-4",
        "network.delay.value-30ms_cluster.replication.mode-async_seed-3",
        "network.delay.value-30ms_cluster.replication.mode-async_seed-4",
        "network.delay.value-30ms_cluster.replication.mode-sync_seed-3",
        "network.delay.value-30ms_cluster.replication.mode-sync_seed-4");
    for (String id : ids) {
      for (String f : RUN_FILES) {
        assertTrue(Files.isRegularFile(out.resolve(id).resolve(f)), id + "/" + f);
      }
    }
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals("run,network.delay.value,cluster.replication.mode,seed,"
        + "apply_lag_p50_ms_follower-1,apply_lag_p99_ms_follower-1,apply_lag_p50_ms_follower-2,apply_lag_p99_ms_follower-2,"
        + "commit_p50_ms,commit_p99_ms,writes_acknowledged,lost_writes,failed_writes,stale_reads,"
        + "read_your_writes_violations,monotonic_read_violations,consistent_prefix_violations,failovers,"
        + "failover_p50_ms,failover_p99_ms,bytes_per_write,converged,error", csv.get(0));
    assertEquals(ids, csv.subList(1, csv.size()).stream().map(l -> l.split(",")[0]).toList(), "rows in sweep order");
    String[] fast = csv.get(1).split(",", -1);
    assertEquals(List.of("10ms", "async", "3"), List.of(fast[1], fast[2], fast[3]));
    double lag10 = Double.parseDouble(fast[5]);
    double lag30 = Double.parseDouble(csv.get(5).split(",", -1)[5]);
    assertTrue(lag10 > 10 && lag10 <= 15.5 && lag30 > 30 && lag30 <= 35.5, lag10 + " " + lag30);
    assertTrue(Double.parseDouble(csv.get(3).split(",", -1)[8]) >= 20, "sync commits after a round trip: " + csv.get(3));
    assertEquals("true", fast[21]);
    assertEquals("", fast[22], "no error");
    assertTrue(Files.readString(out.resolve("sweep.html")).contains("data-chart='apply-lag-p99-by-network.delay.value'"));
    assertTrue(cli.out().contains("ran 8 runs (0 failed)"), cli.out());
    assertTrue(cli.err().contains("8/8 runs [############] 0 failed"), cli.err());
    assertFalse(cli.out().contains("simulating") || cli.err().contains("simulating"), "runs print no progress of their own");
  }

  @Test
  void everyFollowerOfAnyRunHasLagColumnsBlankForARunWithoutIt() throws IOException {
    cli.runner = Drivers::run;
    Path out = tmp.resolve("out");
    assertEquals(ExitCode.OK, sweep(out, "--vary", "cluster.followers=1,2"));
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertTrue(csv.get(0).startsWith("run,cluster.followers,seed,apply_lag_p50_ms_follower-1,apply_lag_p99_ms_follower-1,"
        + "apply_lag_p50_ms_follower-2,apply_lag_p99_ms_follower-2,commit_p50_ms,"), csv.get(0));
    String[] one = csv.get(1).split(",", -1);
    assertEquals(List.of("cluster.followers-1_seed-3", "1"), List.of(one[0], one[1]));
    assertFalse(one[3].isEmpty());
    assertEquals(List.of("", ""), List.of(one[5], one[6]), "no follower-2 in a run with one follower");
    assertFalse(csv.get(2).split(",", -1)[5].isEmpty());
  }

  @Test
  void theSameSweepGivesTheSameBytesAloneOrOnTwoThreads() throws IOException {
    cli.runner = Drivers::run;
    String[] sweep = {"--vary", "network.delay.value=10ms,30ms", "--seeds", "2"};
    Path alone = tmp.resolve("alone");
    Path twoAtATime = tmp.resolve("two");
    assertEquals(ExitCode.OK, sweep(alone, concat(sweep, "--parallel", "1")));
    assertEquals(ExitCode.OK, sweep(twoAtATime, concat(sweep, "--parallel", "2")));

    assertArrayEquals(Files.readAllBytes(alone.resolve("sweep.csv")), Files.readAllBytes(twoAtATime.resolve("sweep.csv")));
    for (String id : List.of("network.delay.value-10ms_seed-3", "network.delay.value-30ms_seed-4")) {
      assertArrayEquals(Files.readAllBytes(alone.resolve(id).resolve("summary.json")),
          Files.readAllBytes(twoAtATime.resolve(id).resolve("summary.json")), id);
    }
  }

  @Test
  void resumeRerunsOnlyTheUnfinishedRunAndCompletesTheTable() throws IOException {
    Path out = tmp.resolve("out");
    String[] sweep = {"--vary", "cluster.replication.mode=async,sync", "--seeds", "2"};
    assertEquals(ExitCode.OK, sweep(out, sweep));
    String broken = "cluster.replication.mode-sync_seed-3";
    Files.delete(out.resolve(broken).resolve("summary.json")); // as if the sweep stopped while it was written
    Files.delete(out.resolve(broken).resolve("report.html"));
    List<FileTime> before = summaryTimes(out, broken);
    Files.delete(out.resolve("sweep.csv"));

    CliHarness again = new CliHarness();
    again.scenarios = ScenarioLoader::load;
    assertEquals(ExitCode.OK, again.execute(args(out, concat(sweep, "--resume"))));

    assertEquals(1, again.runs.size(), "only the unfinished run ran again");
    assertEquals(3L, again.runs.get(0).simulation().seed());
    assertEquals(before, summaryTimes(out, broken), "finished runs were left as they were");
    assertTrue(Files.isRegularFile(out.resolve(broken).resolve("report.html")));
    assertEquals(5, Files.readAllLines(out.resolve("sweep.csv")).size());
    assertTrue(again.out().contains("resuming: 3 runs already finished, 1 to run"), again.out());
    assertTrue(again.out().contains("ran 1 runs (0 failed), kept 3 finished before"), again.out());
  }

  @Test
  void forceRunsEveryRunAgainClearingItsDirectory() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(ExitCode.OK, sweep(out, "--seeds", "2"));
    Path stray = Files.writeString(out.resolve("seed-3").resolve("notes.txt"), "from before");
    CliHarness again = new CliHarness();
    again.scenarios = ScenarioLoader::load;
    assertEquals(ExitCode.OK, again.execute(args(out, "--seeds", "2", "--force")));
    assertEquals(2, again.runs.size(), "both runs ran again");
    assertFalse(Files.exists(stray), "each run's directory starts empty");
    assertTrue(Files.isRegularFile(out.resolve("seed-3").resolve("summary.json")));
  }

  @Test
  void resumeRefusesADirectoryHoldingAnotherSweep() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(ExitCode.OK, sweep(out, "--vary", "cluster.replication.mode=async,sync"));
    CliHarness again = new CliHarness();
    again.scenarios = ScenarioLoader::load;
    assertEquals(ExitCode.BAD_INPUT, again.execute(args(out, "--vary", "cluster.replication.mode=async,sync",
        "--seeds", "2", "--resume")));
    assertTrue(again.err().contains("is not this one (seeds: 1 there, 2 here)"), again.err());
    assertTrue(again.runs.isEmpty());
  }

  @Test
  void withoutResumeOrForceANonEmptyDirectoryIsRefused() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertEquals(ExitCode.BAD_INPUT, sweep(tmp, "--vary", "cluster.replication.mode=async,sync"));
    assertTrue(cli.err().contains("is not empty; use --force"), cli.err());
    assertTrue(cli.runs.isEmpty());
  }

  @Test
  void aBadKeyOrValueInAnyCombinationIsRefusedBeforeAnythingRunsOrIsCreated() {
    Path out = tmp.resolve("never");
    assertEquals(ExitCode.BAD_INPUT, sweep(out, "--vary", "network.delay.valu=10ms,20ms"));
    assertTrue(cli.err().contains("--vary network.delay.valu=10ms: unknown key network.delay.valu;"
        + " did you mean network.delay.value?"), cli.err());

    CliHarness second = new CliHarness();
    second.scenarios = ScenarioLoader::load;
    assertEquals(ExitCode.BAD_INPUT, second.execute(args(out, "--vary", "network.delay.value=10ms,20ms",
        "--vary", "cluster.replication.mode=async,bogus")));
    assertEquals("--vary cluster.replication.mode=bogus: cluster.replication.mode = bogus is not a commit mode:"
        + " must be async, sync or semi-sync", second.err().strip());
    assertTrue(cli.runs.isEmpty() && second.runs.isEmpty(), "nothing ran");
    assertFalse(Files.exists(out), "nothing was created");
  }

  @Test
  void badVarySyntaxAndFlagsAreBadInputWithOneMessage() {
    for (String[] bad : List.of(
        new String[] {"--vary", "mode"},
        new String[] {"--vary", "network.delay.value=10ms..100ms/0"},
        new String[] {"--vary", "cluster.replication.mode=async..sync/3"},
        new String[] {"--vary", "simulation.seed=1,2"},
        new String[] {"--vary", "cluster.replication.mode=async", "--vary", "cluster.replication.mode=sync"},
        new String[] {"--seeds", "0"},
        new String[] {"--parallel", "0"},
        new String[] {"--resume", "--force"})) {
      CliHarness each = new CliHarness();
      each.scenarios = ScenarioLoader::load;
      assertEquals(ExitCode.BAD_INPUT, each.execute(args(tmp.resolve("never"), bad)), String.join(" ", bad));
      assertFalse(each.err().contains("Exception"), each.err());
      assertTrue(each.runs.isEmpty());
    }
    assertFalse(Files.exists(tmp.resolve("never")));
  }

  @Test
  void aFailedRunIsARowWithItsErrorAndTheSweepGoesOnThenExitsOne() throws IOException {
    cli.runner = (scenario, listener) -> {
      if (scenario.simulation().seed() == 4) {
        throw new RunFailedException("the cluster did not form");
      }
      return TestRuns.result();
    };
    Path out = tmp.resolve("out");
    assertEquals(ExitCode.RUN_FAILED, sweep(out, "--seeds", "3"));
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(4, csv.size());
    assertTrue(csv.get(2).startsWith("seed-4,4,,,") && csv.get(2).endsWith(",the cluster did not form"), csv.get(2));
    assertTrue(csv.get(3).startsWith("seed-5,5,") && csv.get(3).endsWith(",false,"), csv.get(3));
    assertTrue(cli.err().contains("seed-4 failed: the cluster did not form"), cli.err());
    assertFalse(Files.exists(out.resolve("seed-4").resolve("summary.json")));
  }

  @Test
  void virtualTimeIsTheDefaultAndLiveTimeRunsOneAtATime() {
    assertEquals(ExitCode.OK, sweep(tmp.resolve("v"), "--seeds", "1"));
    assertEquals(TimeMode.VIRTUAL, cli.runs.get(0).simulation().time());

    CliHarness live = new CliHarness();
    live.scenarios = ScenarioLoader::load;
    live.runner = (scenario, listener) -> TestRuns.result();
    assertEquals(ExitCode.OK, live.execute(args(tmp.resolve("l"), "--time", "live", "--seeds", "2")));
    assertEquals(TimeMode.LIVE, live.runs.get(0).simulation().time());
    assertTrue(live.out().contains("in live time, 1 at a time"), live.out());
  }

  @Test
  void seedPicksTheFirstSeedOfEachCombination() {
    assertEquals(ExitCode.OK, sweep(tmp.resolve("out"), "--seed", "7", "--seeds", "3"));
    assertEquals(List.of(7L, 8L, 9L), cli.runs.stream().map(s -> s.simulation().seed()).sorted().toList());
    assertTrue(Files.isDirectory(tmp.resolve("out").resolve("seed-9")));
  }

  @Test
  void withoutOutResultsGoToAStampedSweepDirectoryUnderResults() throws IOException {
    Path stamped = Path.of("results", "sweep-test-sweep-20250102-030405");
    boolean hadResults = Files.isDirectory(Path.of("results"));
    Files.createDirectories(stamped);
    Path mine = Files.writeString(stamped.resolve("mine.txt"), "so the sweep is refused and writes nothing");
    try {
      assertEquals(ExitCode.BAD_INPUT, cli.execute("sweep", file.toString()));
      assertTrue(cli.err().contains("output directory " + stamped + " is not empty"), cli.err());
    } finally {
      Files.delete(mine);
      Files.delete(stamped);
      if (!hadResults) {
        Files.delete(Path.of("results"));
      }
    }
  }

  private int sweep(Path out, String... more) {
    return cli.execute(args(out, more));
  }

  private String[] args(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(new String[0]);
  }

  /** The modification times of every run's summary.json but {@code except}'s. */
  private static List<FileTime> summaryTimes(Path out, String except) throws IOException {
    List<FileTime> times = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!d.getFileName().toString().equals(except)) {
          times.add(Files.getLastModifiedTime(d.resolve("summary.json")));
        }
      }
    }
    return times;
  }
}
