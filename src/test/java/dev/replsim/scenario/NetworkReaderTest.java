package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import dev.replsim.network.LinkPatch;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import dev.replsim.random.Exponential;
import dev.replsim.random.Jittered;
import dev.replsim.random.LogNormal;
import dev.replsim.random.Normal;
import dev.replsim.random.Pareto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the {@code network} section and the delay distributions load to. */
class NetworkReaderTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  private NetworkSettings network(String... lines) {
    return ScenarioLoader.load(files.write("s.conf", lines)).network();
  }

  @Test
  void defaultsArePerfectFifoLinksWithUnlimitedBandwidthAndNoRegions() {
    NetworkSettings n = ScenarioLoader.defaults().network();

    assertEquals(new LinkProfile(new Distribution.Uniform(20_000, 40_000), 0, 0, false, 0), n.defaults());
    assertEquals(List.of(), n.links());
    assertEquals(Map.of(), n.regions());
    assertEquals(List.of(), n.regionLinks());
  }

  @Test
  void everyDistributionLoadsWithItsParameters() {
    assertEquals(new Normal(30_000, 5_000),
        network("network.delay = { distribution = normal, mean = 30ms, stddev = 5ms }").defaults().delay());
    assertEquals(new Exponential(80_000),
        network("network.delay = { distribution = exponential, mean = 80ms }").defaults().delay());
    assertEquals(new LogNormal(30_000, 0.5),
        network("network.delay = { distribution = log-normal, median = 30ms, sigma = 0.5 }").defaults().delay());
    assertEquals(new Pareto(20_000, 2.5),
        network("network.delay = { distribution = pareto, scale = 20ms, shape = 2.5 }").defaults().delay());
    assertEquals(new Jittered(new Distribution.Constant(40_000), 5_000),
        network("network.delay = { distribution = constant, value = 40ms, jitter = 5ms }").defaults().delay());
    assertEquals(new Distribution.Constant(40_000),
        network("network.delay = { distribution = constant, value = 40ms, jitter = 0ms }").defaults().delay());
  }

  @Test
  void jitterAndApplyTimeDistributionsAreReadLikeDelays() {
    Scenario s =
        ScenarioLoader.load(
            files.write("s.conf", "cluster.apply-time = { distribution = exponential, mean = 2ms, jitter = 500us }"));

    assertEquals(new Jittered(new Exponential(2_000), 500), s.cluster().applyTime());
  }

  @Test
  void jitterCanBeAddedToTheDefaultDistributionFromTheCommandLine() {
    Scenario s = ScenarioLoader.load(files.write("s.conf", ""), List.of(set("network.delay.jitter=3ms")));

    assertEquals(new Jittered(new Distribution.Uniform(20_000, 40_000), 3_000), s.network().defaults().delay());
  }

  @Test
  void lossDuplicationAndReorderingFormTheDefaultProfile() {
    LinkProfile p = network("network { loss = 0.05, duplicate = 1%, reorder = true }").defaults();

    assertEquals(0.05, p.loss());
    assertEquals(0.01, p.duplicate());
    assertEquals(true, p.reorder());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
unlimited        | 0
1500             | 1500
"100kB/s"        | 100000
"100 KB/s"       | 100000
"10MB/s"         | 10000000
10MB/s           | 10000000
"1.5MB/s"        | 1500000
"1GB/s"          | 1000000000
"64kbit/s"       | 8000
"10Mbit/s"       | 1250000
100Mbit/s        | 12500000
"1Gbit/s"        | 125000000
"12bit/s"        | 2
"1B/s"           | 1
""")
  void bandwidthIsReadInSiUnits(String written, long bytesPerSecond) {
    assertEquals(bytesPerSecond, network("network.bandwidth = " + written).defaults().bandwidthBytesPerSec());
  }

  @Test
  void aLinkMayOverrideEverySetting() {
    NetworkSettings n =
        network(
            "network.links = [ { from = leader, to = follower-2, delay = { distribution = exponential,"
                + " mean = 80ms }, loss = 0.1, duplicate = 0.2, reorder = true, bandwidth = \"1MB/s\" } ]");

    assertEquals(
        new LinkPatch(new Exponential(80_000), 0.1, 0.2, true, 1_000_000L), n.links().get(0).patch());
    assertEquals(
        new LinkProfile(new Exponential(80_000), 0.1, 0.2, true, 1_000_000), n.profile("leader", "follower-2"));
  }

  @Test
  void aLinkCanLiftTheDefaultBandwidthLimit() {
    NetworkSettings n =
        network(
            "network { bandwidth = \"1MB/s\", links = [ { from = leader, to = follower-1, bandwidth = unlimited } ] }");

    assertEquals(0, n.profile("leader", "follower-1").bandwidthBytesPerSec());
    assertEquals(1_000_000, n.profile("follower-1", "leader").bandwidthBytesPerSec());
  }

  @Test
  void patchReadsTheLinkSettingsOfAnyObjectAndLeavesTheRestNull() {
    // as a link fault would use it: an object with keys of its own beside the link settings
    ConfigObject fault =
        ConfigFactory.parseString("at = 5s, action = link, loss = 50%, bandwidth = \"64kbit/s\"").root();
    Fields f = Fields.root(ConfigFactory.empty(), new Locations(List.of())).child(fault, "faults[0].");

    assertEquals(new LinkPatch(null, 0.5, null, null, 8_000L), NetworkReader.patch(f, ""));
    assertEquals(LinkPatch.NONE, NetworkReader.patch(f, "nothing."));
  }

  @Test
  void patchErrorsNameTheKeyUnderItsPrefix() {
    ConfigObject fault =
        ConfigFactory.parseString("at = 5s, loss = 2", ConfigParseOptions.defaults().setOriginDescription("f.conf"))
            .root();
    Fields f = Fields.root(ConfigFactory.empty(), new Locations(List.of())).child(fault, "faults[3].");

    ScenarioException e =
        assertThrows(ScenarioException.class, () -> NetworkReader.patch(f, ""));
    assertEquals(
        "f.conf:1: faults[3].loss = 2 is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%",
        e.getMessage());
  }
}
