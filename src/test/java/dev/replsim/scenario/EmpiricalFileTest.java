package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.Distribution;
import dev.replsim.random.DurationSampler;
import dev.replsim.random.Empirical;
import dev.replsim.random.SeededStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code empirical} distribution's file: where it is found, what it may hold, its errors. */
class EmpiricalFileTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() throws IOException {
    files = new ScenarioFiles(dir);
    Files.createDirectories(dir.resolve("data"));
  }

  private static String empirical(String file) {
    return "network.delay = { distribution = empirical, file = \"" + file + "\" }";
  }

  @Test
  void delaysAreMillisecondsWithCommentsAndBlankLinesSkipped() {
    files.write("data/ping.csv", "# rtt/2 from a ping log", "12.5", "", "  8 ", "30 # a slow one", "0", "1e1");
    Path scenario = files.write("s.conf", empirical("data/ping.csv"));

    Distribution d = ScenarioLoader.load(scenario).network().defaults().delay();

    assertEquals(new Empirical("ping.csv", new long[] {0, 8_000, 10_000, 12_500, 30_000}), d);
  }

  @Test
  void samplesAreOnlyValuesFromTheFile() {
    files.write("data/ping.csv", "1", "2.5", "40");
    Distribution d = ScenarioLoader.load(files.write("s.conf", empirical("data/ping.csv"))).network().defaults().delay();
    DurationSampler sampler = d.sampler(new SeededStreams(3).stream("link:leader->follower-1"));

    for (int i = 0; i < 10_000; i++) {
      assertTrue(Set.of(1_000L, 2_500L, 40_000L).contains(sampler.nextMicros()));
    }
  }

  @Test
  void aRelativeFileIsReadFromTheDirectoryOfTheFileThatNamesIt() throws IOException {
    // the scenario is in sub/, includes ../base.conf, which names data/ping.csv beside itself
    Files.createDirectories(dir.resolve("sub"));
    files.write("data/ping.csv", "7");
    files.write("base.conf", empirical("data/ping.csv"));
    Path scenario = files.write("sub/s.conf", "include \"../base.conf\"");

    assertArrayEquals(new long[] {7_000}, ((Empirical) ScenarioLoader.load(scenario).network().defaults().delay()).micros());
  }

  @Test
  void theEffectiveConfigNamesTheFileAbsolutelySoItRunsFromAnywhere() throws IOException {
    files.write("data/ping.csv", "7", "9");
    Scenario first = ScenarioLoader.load(files.write("s.conf", empirical("data/ping.csv")));
    Files.createDirectories(dir.resolve("results/run-1"));

    Scenario again = ScenarioLoader.load(files.write("results/run-1/scenario.conf", first.effectiveConfig()));

    assertTrue(first.effectiveConfig().contains(dir.resolve("data/ping.csv").toAbsolutePath().toString()));
    assertEquals(first.network(), again.network());
  }

  @Test
  void aBadValueIsReportedWithTheFilesNameAndLine() {
    Path data = files.write("data/ping.csv", "# header", "12.5", "13ms");
    Path scenario = files.write("s.conf", "# line 1", empirical("data/ping.csv"));

    assertEquals(
        dir.resolve("data/ping.csv")
            + ":3: \"13ms\" is not a number of milliseconds: each line holds one delay in"
            + " milliseconds, 0 or more (e.g. 12.5); blank lines and lines starting with # are"
            + " skipped (read for network.delay.file)",
        error(scenario));
    assertTrue(Files.exists(data));
  }

  @Test
  void aNegativeOrHugeValueIsReported() {
    files.write("data/neg.csv", "1", "-2");
    files.write("data/huge.csv", "1e9");

    assertTrue(error(files.write("a.conf", empirical("data/neg.csv"))).contains("neg.csv:2: \"-2\" is negative: "));
    assertTrue(
        error(files.write("b.conf", empirical("data/huge.csv"))).contains("huge.csv:1: \"1e9\" is more than a day"));
  }

  @Test
  void aMissingFileIsReportedAtTheKeyWithWhereItWasLookedFor() {
    Path scenario = files.write("s.conf", "# line 1", empirical("data/nope.csv"));

    assertEquals(
        scenario
            + ":2: network.delay.file = \"data/nope.csv\" cannot be read: "
            + dir.resolve("data/nope.csv")
            + " does not exist (a relative file is read from the directory of the file that names it)",
        error(scenario));
  }

  @Test
  void aFileWithoutDelaysIsReported() {
    files.write("data/empty.csv", "# nothing measured yet", "");
    Path scenario = files.write("s.conf", empirical("data/empty.csv"));

    assertEquals(
        scenario
            + ":1: network.delay.file = \"data/empty.csv\" holds no delays: each line holds one delay in"
            + " milliseconds, 0 or more (e.g. 12.5); blank lines and lines starting with # are skipped",
        error(scenario));
  }

  @Test
  void onTheCommandLineAFileIsRelativeToTheWorkingDirectory() {
    Path scenario = files.write("s.conf", "");

    String message =
        error(scenario, set("network.delay={ distribution = empirical, file = \"no-such-dir/x.csv\" }"));

    assertTrue(
        message.endsWith(
            "cannot be read: no-such-dir/x.csv does not exist (on the command line a file is"
                + " relative to the working directory)"),
        message);
  }

  @Test
  void linkDelaysMayBeEmpiricalToo() {
    files.write("data/wan.csv", "80", "120");
    NetworkSettings n =
        ScenarioLoader.load(
                files.write(
                    "s.conf",
                    "network.links = [ { from = leader, to = follower-1, delay = { distribution = empirical,"
                        + " file = \"data/wan.csv\", jitter = 1ms } } ]"))
            .network();

    assertEquals(
        new Empirical("wan.csv", new long[] {80_000, 120_000}).withJitter(1_000),
        n.profile("leader", "follower-1").delay());
  }
}
