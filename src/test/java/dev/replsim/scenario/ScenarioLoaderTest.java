package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.random.Distribution;
import dev.replsim.scenario.WorkloadSettings.Arrival;
import dev.replsim.scenario.WorkloadSettings.KeyDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a scenario: the layers, what the result holds, and errors about the file as a whole. */
class ScenarioLoaderTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  @Test
  void validFileLoadsWithItsValuesOverTheDefaults() {
    Path file =
        files.write(
            "quickstart.conf",
            "# three followers, semi-sync, a slow link to follower-2",
            "simulation { name = \"quickstart\", seed = 42, duration = 10s, sample-interval = 250ms"
                + " }",
            "cluster {",
            "  followers = 3",
            "  replication { mode = semi-sync, acks = 2, ack-level = durable, timeout = 500ms }",
            "  apply-time = { distribution = uniform, min = 1ms, max = 3ms }",
            "}",
            "network {",
            "  delay = { distribution = constant, value = 25ms }",
            "  links = [ { from = leader, to = follower-2, delay = { distribution = constant, value"
                + " = 80ms } } ]",
            "}",
            "workload { clients = 8, write-rate = unlimited, arrival = constant, key-distribution ="
                + " zipfian }",
            "output.dir = \"results/quickstart\"");

    Scenario s = ScenarioLoader.load(file);

    assertEquals(file, s.file());
    assertEquals(
        new SimulationSettings(
            "quickstart",
            42,
            Duration.ofSeconds(10),
            Duration.ofMillis(250),
            Duration.ofSeconds(5)),
        s.simulation());
    assertEquals(List.of("leader", "follower-1", "follower-2", "follower-3"), s.nodes());
    assertEquals(
        new ReplicationSettings(
            ReplicationMethod.LOGICAL,
            CommitMode.SEMI_SYNC,
            2,
            AckLevel.DURABLE,
            Duration.ofMillis(500),
            100,
            100_000),
        s.cluster().replication());
    assertEquals("memory", s.cluster().persistence());
    assertEquals(new Distribution.Uniform(1000, 3000), s.cluster().applyTime());
    assertEquals(new Distribution.Constant(25_000), s.network().defaults().delay());
    assertEquals(new Distribution.Constant(80_000), s.network().profile("leader", "follower-2").delay());
    assertEquals(new Distribution.Constant(25_000), s.network().profile("follower-2", "leader").delay());
    WorkloadSettings w = s.workload();
    assertEquals(8, w.clients());
    assertTrue(w.unlimited());
    assertEquals(Arrival.CONSTANT, w.arrival());
    assertEquals(KeyDistribution.ZIPFIAN, w.keyDistribution());
    assertEquals(1000, w.keys());
    assertEquals(Duration.ofMillis(50), s.failover().heartbeatInterval());
    assertEquals("results/quickstart", s.output().dir());
  }

  @Test
  void defaultsAloneLoad() {
    Scenario s = ScenarioLoader.defaults();

    assertEquals("unnamed", s.simulation().name());
    assertEquals(1, s.simulation().seed());
    assertEquals(Duration.ofSeconds(20), s.simulation().duration());
    assertEquals(List.of("leader", "follower-1", "follower-2", "follower-3"), s.nodes());
    assertEquals(CommitMode.ASYNC, s.cluster().replication().mode());
    assertEquals(new Distribution.Uniform(20_000, 40_000), s.network().defaults().delay());
    assertEquals(new Distribution.Constant(0), s.cluster().applyTime());
    assertEquals(200.0, s.workload().writeRate());
    assertEquals(Arrival.POISSON, s.workload().arrival());
    assertEquals(Path.of("conf/replsim.conf"), s.file());
    assertEquals(ReadSettings.NONE, s.workload().reads());
    assertEquals(CheckSettings.DEFAULT, s.check());
    assertEquals(WarmUp.AUTO, s.simulation().warmUp());
    assertEquals(TimeMode.LIVE, s.simulation().time());
    assertEquals(new Distribution.Constant(1_000), s.cluster().journalWriteTime());
  }

  @Test
  void journalWriteTimeIsADistributionReplacedWholeLikeTheApplyTime() {
    Path uniform = files.write("j.conf",
        "cluster.journal-write-time = { distribution = uniform, min = 1ms, max = 3ms }");
    assertEquals(new Distribution.Uniform(1_000, 3_000), ScenarioLoader.load(uniform).cluster().journalWriteTime());
    Path plain = files.write("p.conf", "");
    assertEquals(new Distribution.Constant(2_000),
        ScenarioLoader.load(plain, List.of(set("cluster.journal-write-time.value=2ms"))).cluster().journalWriteTime());
  }

  @Test
  void timeIsLiveUnlessTheScenarioAsksForVirtual() {
    assertEquals(TimeMode.VIRTUAL,
        ScenarioLoader.load(files.write("v.conf", "simulation.time = virtual")).simulation().time());
    assertEquals(TimeMode.LIVE,
        ScenarioLoader.load(files.write("l.conf", "simulation.time = live")).simulation().time());
    Path plain = files.write("o.conf", "");
    assertEquals(TimeMode.VIRTUAL,
        ScenarioLoader.load(plain, List.of(set("simulation.time=virtual"))).simulation().time());
  }

  @Test
  void anAutoSampleIntervalKeepsALongRunsTimeSeriesAtAboutThreeThousandSixHundredSamples() {
    assertEquals(Duration.ofMillis(100), ScenarioLoader.load(files.write("s20.conf", "")).simulation().sampleInterval());
    assertEquals(Duration.ofMillis(100), ScenarioLoader.load(files.write("s6.conf", "simulation.duration = 6m"))
        .simulation().sampleInterval());
    assertEquals(Duration.ofMillis(200), ScenarioLoader.load(files.write("s10.conf", "simulation.duration = 10m"))
        .simulation().sampleInterval());
    assertEquals(Duration.ofSeconds(1), ScenarioLoader.load(files.write("s1h.conf", "simulation.duration = 1h"))
        .simulation().sampleInterval());
    assertEquals(Duration.ofMillis(250), ScenarioLoader.load(files.write("sx.conf",
        "simulation { duration = 1h, sample-interval = 250ms }")).simulation().sampleInterval());
  }

  @Test
  void virtualTimeTakesUpToTenThousandFollowersAndLiveSixtyFour() {
    assertEquals(1001, ScenarioLoader.load(files.write("f1k.conf",
        "simulation.time = virtual", "cluster.followers = 1000")).nodes().size());
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(files.write("f65.conf", "cluster.followers = 65")));
    assertTrue(e.getMessage().contains("must be 0..64 (up to 10000 in virtual time)"), e.getMessage());
  }

  @Test
  void theWarmUpIsAutoOrASetDuration() {
    assertEquals(new WarmUp(Duration.ofSeconds(3), false),
        ScenarioLoader.load(files.write("w3.conf", "simulation.warm-up = 3s")).simulation().warmUp());
    assertTrue(ScenarioLoader.load(files.write("w0.conf", "simulation.warm-up = 0s")).simulation().warmUp().none());
    assertEquals(WarmUp.AUTO,
        ScenarioLoader.load(files.write("wa.conf", "simulation.warm-up = auto")).simulation().warmUp());
  }

  @Test
  void readsSessionsAndChecksLoadWithTheirValues() {
    Path file = files.write("reads.conf", "# follower reads under read-your-writes, probed",
        "workload { read-rate = 150.5, read-from = followers, follower-choice = round-robin,",
        "  read-after-write { enabled = true, delay = 20ms },",
        "  session-guarantee = read-your-writes, session-timeout = 250ms }",
        "simulation.duration = 5s",
        "check { anomalies = false, linearizable = true }");

    Scenario s = ScenarioLoader.load(file);

    assertEquals(new ReadSettings(150.5, ReadSettings.ReadFrom.FOLLOWERS, ReadSettings.FollowerChoice.ROUND_ROBIN,
        true, Duration.ofMillis(20), ReadSettings.SessionGuarantee.READ_YOUR_WRITES, Duration.ofMillis(250)),
        s.workload().reads());
    assertTrue(s.workload().reads().enabled());
    assertEquals(new CheckSettings(false, true), s.check());
    assertTrue(s.effectiveConfig().contains("linearizable"), "the check section is part of the recorded run");
  }

  @Test
  void anEmptyFileIsTheDefaults() {
    Scenario s = ScenarioLoader.load(files.write("empty.conf", "# nothing changed"));

    assertEquals(ScenarioLoader.defaults().effectiveConfig(), s.effectiveConfig());
  }

  @Test
  void defaultsArePackagedAsTheClasspathResourceReplsimConf() throws IOException {
    try (InputStream in =
        ScenarioLoader.class.getClassLoader().getResourceAsStream("replsim.conf")) {
      assertTrue(in != null, "replsim.conf is not on the classpath; see <resources> in pom.xml");
      String packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(Files.readString(Path.of("conf/replsim.conf")), packaged);
    }
  }

  @Test
  void overridesWinOverTheFileAndLaterOverridesWinOverEarlierOnes() {
    Path file =
        files.write("s.conf", "simulation { seed = 42, duration = 10s }", "workload.clients = 8");

    Scenario s =
        ScenarioLoader.load(
            file,
            List.of(
                set("simulation.seed=7"),
                new SettingOverride("--duration", "simulation.duration=3s"),
                set("workload.clients=2"),
                set("workload.clients=3")));

    assertEquals(7, s.simulation().seed());
    assertEquals(Duration.ofSeconds(3), s.simulation().duration());
    assertEquals(3, s.workload().clients());
  }

  @Test
  void substitutionsResolveAfterLayeringSoOverridesReachThem() {
    Path file =
        files.write(
            "s.conf", "simulation.name = lag-demo", "output.dir = \"results/\"${simulation.name}");

    assertEquals("results/lag-demo", ScenarioLoader.load(file).output().dir());
    assertEquals(
        "results/other",
        ScenarioLoader.load(file, List.of(set("simulation.name=other"))).output().dir());
  }

  @Test
  void includesAreRelativeToTheIncludingFile() {
    files.write("base.conf", "cluster.followers = 5", "workload.clients = 2");
    Path file = files.write("s.conf", "include \"base.conf\"", "workload.clients = 6");

    Scenario s = ScenarioLoader.load(file);

    assertEquals(5, s.cluster().followers());
    assertEquals(6, s.workload().clients());
  }

  @Test
  void effectiveConfigReloadsToTheSameScenario() {
    Path file =
        files.write(
            "s.conf",
            "simulation { name = x, seed = -3 }",
            "cluster { followers = 2, names = [a, b, c], replication.mode = sync }",
            "network.links = [ { from = a, to = c, delay = { distribution = uniform, min = 1ms, max"
                + " = 2ms } } ]");
    Scenario first =
        ScenarioLoader.load(
            file,
            List.of(set("network.delay.distribution=constant"), set("network.delay.value=50ms")));

    Path rendered = files.write("effective.conf", first.effectiveConfig());
    Scenario again = ScenarioLoader.load(rendered);

    assertEquals(first.simulation(), again.simulation());
    assertEquals(first.cluster(), again.cluster());
    assertEquals(first.network(), again.network());
    assertEquals(first.workload(), again.workload());
    assertEquals(first.effectiveConfig(), again.effectiveConfig());
    assertTrue(first.effectiveConfig().contains("value=\"50ms\""), first.effectiveConfig());
  }

  @Test
  void theRecordOfARunWithFailoverLoadsAgainWithTheSameStrategy() {
    for (String failover : List.of("failover.strategy = election", "failover.enabled = true",
        "failover.strategy = manual", "failover.enabled = false")) {
      Scenario first = ScenarioLoader.load(files.write("f.conf", failover));
      Scenario again = ScenarioLoader.load(files.write("again.conf", first.effectiveConfig()));
      assertEquals(first.failover(), again.failover(), failover);
      assertEquals(first.effectiveConfig(), again.effectiveConfig(), failover);
    }
  }

  @Test
  void nodesAreNamedByTheScenarioWhenItGivesNames() {
    Path file =
        files.write("s.conf", "cluster { followers = 2, names = [primary, replica-a, replica-b] }");

    Scenario s = ScenarioLoader.load(file);

    assertEquals("primary", s.leader());
    assertEquals(List.of("replica-a", "replica-b"), s.followers());
  }

  @Test
  void aLinkWithoutDelayKeepsTheDefault() {
    Path file = files.write("s.conf", "network.links = [ { from = leader, to = follower-1 } ]");

    LinkSettings link = ScenarioLoader.load(file).network().links().get(0);

    assertNull(link.patch().delay());
  }

  @Test
  void missingFileIsReported() {
    Path file = dir.resolve("nope.conf");

    assertTrue(error(file).startsWith("scenario file not found: " + file), error(file));
  }

  @Test
  void directoryIsReported() {
    assertEquals("scenario file is a directory, not a file: " + dir, error(dir));
  }

  @Test
  void unreadableFileIsReported() throws IOException {
    Path file = files.write("secret.conf", "simulation.seed = 3");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");

    assertEquals("scenario file is not readable (check its permissions): " + file, error(file));
  }

  @Test
  void hoconSyntaxErrorNamesFileLineAndReason() {
    Path file = files.write("broken.conf", "simulation {", "  name = x", "  seed = 4 }}");

    assertEquals(file + ":3: unbalanced close brace '}' with no open brace", error(file));
  }

  @Test
  void unclosedBraceIsReportedWithoutJavaNoise() {
    Path file = files.write("open.conf", "workload {", "  clients = 3");

    assertEquals(file + ":3: the file ends before a '{' or '[' is closed", error(file));
  }

  @Test
  void reservedCharacterIsReportedWithTheQuotingAdvice() {
    Path file = files.write("tick.conf", "# a backtick", "simulation.name = `x`");

    String message = error(file);

    assertTrue(
        message.startsWith(file + ":2: the character '`' is only allowed inside quotes"), message);
    assertTrue(!message.contains(".properties") && !message.contains("Exception"), message);
  }

  @Test
  void unresolvableSubstitutionIsReported() {
    Path file = files.write("s.conf", "", "simulation.name = ${base-name}");

    assertTrue(
        error(file).startsWith(file + ":2: cannot resolve ${base-name}: no such key"), error(file));
  }

  @Test
  void missingRequiredIncludeIsReported() {
    Path file = files.write("s.conf", "include required(\"base.conf\")");

    String message = error(file);

    assertTrue(message.startsWith(file + ": cannot read base.conf"), message);
    assertTrue(!message.contains("java.io"), message);
  }

  @Test
  void overrideThatIsNotAnAssignmentIsReported() {
    Path file = files.write("s.conf", "");

    assertEquals(
        "--set network.delay.value: not an assignment: write key=value, e.g."
            + " network.delay.value=50ms",
        error(file, set("network.delay.value")));
  }

  @Test
  void overrideWithBadSyntaxNamesTheOverride() {
    Path file = files.write("s.conf", "");

    assertEquals(
        "--set simulation.seed=: a value is missing at the end",
        error(file, set("simulation.seed=")));
  }

  @Test
  void overrideWithBadValueNamesTheOverrideNotALine() {
    Path file = files.write("s.conf", "");

    assertEquals(
        "--set network.delay.min=abc: network.delay.min = abc is not a duration: write a number and"
            + " a unit, e.g. 250ms or 5s (units: ns, us, ms, s, m, h, d)",
        error(file, set("network.delay.min=abc")));
  }

  @Test
  void onlyScenarioExceptionsEscape() {
    Path file = files.write("s.conf", "cluster.names = {}", "simulation = 3");

    assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
  }
}
