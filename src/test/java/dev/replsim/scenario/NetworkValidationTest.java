package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the {@code network} section and of the delay distributions, as the message a user
 * sees: the file and line, the key, the bad value and what is allowed. Each case writes its
 * setting on line 2 of a file.
 */
class NetworkValidationTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  private String errorOnLine2(String setting) {
    Path file = files.write("s.conf", "# line 1", setting);
    String message = error(file);
    String prefix = file + ":2: ";
    if (!message.startsWith(prefix)) {
      throw new AssertionError("expected the error on " + prefix + "but got: " + message);
    }
    return message.substring(prefix.length());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
network.delay { distribution = normal, mean = -1ms, stddev = 1ms } | network.delay.mean = -1ms is out of range: must be a duration of 0 or more, e.g. 20ms
network.delay { distribution = normal, mean = 1ms, stddev = 0ms }  | network.delay.stddev = 0ms is out of range: must be a duration of at least 1us, e.g. 5ms
network.delay { distribution = normal, mean = 1ms }                | network.delay: the normal distribution needs stddev, e.g. network.delay = { distribution = normal, mean = 30ms, stddev = 5ms }
network.delay { distribution = exponential, mean = 0s }            | network.delay.mean = 0s is out of range: must be a duration of at least 1us, e.g. 5ms
network.delay { distribution = exponential, mean = 30 }            | network.delay.mean = 30 has no unit: write 30ms or 30s (units: ns, us, ms, s, m, h, d)
network.delay { distribution = log-normal, median = 30ms, sigma = 0 } | network.delay.sigma = 0 is out of range: must be a number greater than 0, e.g. 0.5
network.delay { distribution = log-normal, median = 30ms, sigma = 1ms } | network.delay.sigma = "1ms" is not a number: must be a number greater than 0, e.g. 0.5
network.delay { distribution = pareto, scale = 20ms, shape = -2 }  | network.delay.shape = -2 is out of range: must be a number greater than 0, e.g. 2.5 (the mean is infinite for a shape of 1 or less)
network.delay { distribution = pareto, scale = 0ms, shape = 2 }    | network.delay.scale = 0ms is out of range: must be a duration of at least 1us, e.g. 5ms
network.delay { distribution = exponential, mean = 5ms, stddev = 1ms } | network.delay.stddev is not a parameter of the exponential distribution, which takes mean (and jitter); to make the delay normal also set network.delay.distribution = normal
network.delay { distribution = constant, value = 5ms, mean = 1ms } | network.delay.mean is not a parameter of the constant distribution, which takes value (and jitter); to make the delay normal or exponential also set network.delay.distribution = normal or exponential
network.delay { distribution = uniform, min = 1ms, max = 2ms, jitter = -1ms } | network.delay.jitter = -1ms is out of range: must be a duration from 0 to 1d, e.g. 5ms
network.delay.jitter = 2d             | network.delay.jitter = 2d is out of range: must be a duration from 0 to 1d, e.g. 5ms
cluster.apply-time { distribution = lognormal, median = 1ms, sigma = 1 } | cluster.apply-time.distribution = lognormal is not a distribution: must be constant, uniform, normal, exponential, log-normal, pareto or empirical; did you mean log-normal?
network.delay { distribution = empirical, file = "" }              | network.delay.file = "" is empty: name a file of delays in milliseconds, one per line
network.loss = 1.5                    | network.loss = 1.5 is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network.loss = -0.1                   | network.loss = -0.1 is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network.loss = 150%                   | network.loss = "150%" is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network.loss = lots                   | network.loss = "lots" is not a number: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network.duplicate = 2                 | network.duplicate = 2 is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network.reorder = sometimes           | network.reorder = "sometimes" is not a boolean: must be true or false
network.reorder = 1                   | network.reorder = 1 is not a boolean: must be true or false
network.bandwidth = 0                 | network.bandwidth = 0 is not a bandwidth: write unlimited for a link without a limit
network.bandwidth = "0.5B/s"          | network.bandwidth = "0.5B/s" is out of range: must be at least 1 B/s (8 bit/s), or unlimited
network.bandwidth = "10 Mbps"         | network.bandwidth = "10 Mbps" is not a bandwidth: write 10Mbit/s for bits or 10MB/s for bytes per second
network.bandwidth = "10 MiB/s"        | network.bandwidth = "10 MiB/s" is not a bandwidth: must be unlimited, a number of bytes per second, or a number with a unit: B/s, kB/s, MB/s, GB/s, bit/s, kbit/s, Mbit/s or Gbit/s (SI units: 1 kB/s = 1000 bytes/s)
network.bandwidth = fast              | network.bandwidth = fast is not a bandwidth: must be unlimited, a number of bytes per second, or a number with a unit: B/s, kB/s, MB/s, GB/s, bit/s, kbit/s, Mbit/s or Gbit/s (SI units: 1 kB/s = 1000 bytes/s)
network.bandwidth = -5                | network.bandwidth = -5 is out of range: must be at least 1 B/s (8 bit/s), or unlimited
network.links = [ { from = leader, to = follower-1, loss = 2 } ] | network.links[0].loss = 2 is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network.links = [ { from = leader, to = follower-1, bandwidth = "1 parsec/s" } ] | network.links[0].bandwidth = "1 parsec/s" is not a bandwidth: must be unlimited, a number of bytes per second, or a number with a unit: B/s, kB/s, MB/s, GB/s, bit/s, kbit/s, Mbit/s or Gbit/s (SI units: 1 kB/s = 1000 bytes/s)
network.links = [ { from = leader, to = follower-1, reorder = maybe } ] | network.links[0].reorder = "maybe" is not a boolean: must be true or false
""")
  void badDistributionOrLinkSettingIsReported(String setting, String expected) {
    assertEquals(expected, errorOnLine2(setting));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
network.regions { us = [leader, follower-9] } | network.regions.us[1] = "follower-9" is not a node: it must be one of the nodes: leader, follower-1, follower-2, follower-3
network.regions { eu = [leader], us = [follower-1, leader] } | network.regions.us[1] = "leader" is already in region eu: a node is in at most one region
network.regions { us = [leader, leader] } | network.regions.us[1] = "leader" is listed twice in region us
network.regions { us = leader }       | network.regions.us = "leader" is not a list: must be a list of nodes, each one of the nodes: leader, follower-1, follower-2, follower-3
network.regions { "us east" = [leader] } | network.regions."us east" is not a valid region name: it must start with a letter and hold only letters, digits, '-' and '_'
network.regions = [leader]            | network.regions = ["leader"] is not a set of regions: write regions { us-east = [leader], eu-west = [follower-1, follower-2] }
network.region-links = [ { from = us, to = eu } ] | network.region-links[0].from = us is not a region: it must be a region, but there are none: place nodes in regions first, e.g. regions { us-east = [leader], eu-west = [follower-1, follower-2] }
network { regions { eu = [follower-1], us = [leader] }, region-links = [ { from = us, to = asia } ] } | network.region-links[0].to = asia is not a region: it must be one of the regions: eu, us
network { regions { eu = [follower-1], us = [leader] }, region-links = [ { to = eu } ] } | network.region-links[0] has no from: it must be one of the regions: eu, us
network { regions { eu = [follower-1], us = [leader] }, region-links = [ { from = us, to = eu }, { from = eu, to = us } ] } | network.region-links[1] repeats eu -> us of network.region-links[0]: give the settings between two regions once (a region link applies both ways unless one-way = true)
network { regions { eu = [follower-1], us = [leader] }, region-links = [ { from = us, to = eu, one-way = yes please } ] } | network.region-links[0].one-way = "yes please" is not a boolean: must be true or false
network { regions { eu = [follower-1], us = [leader] }, region-links = [ { from = us, to = eu, loss = 3 } ] } | network.region-links[0].loss = 3 is out of range: must be a probability from 0 to 1, or a percentage: 0.01 or 1%
network { regions { eu = [follower-1], us = [leader] }, region-links = [ 5 ] } | network.region-links[0] = 5 is not a link between regions: write { from = us-east, to = eu-west, delay = { distribution = constant, value = 40ms } }
network.region-links = { from = us }  | network.region-links = {"from":"us"} is not a list: write region-links = [ { from = us-east, to = eu-west, delay = { distribution = constant, value = 40ms } } ]
""")
  void badRegionIsReported(String setting, String expected) {
    assertEquals(expected, errorOnLine2(setting));
  }

  @Test
  void oneWayRegionLinksInBothDirectionsAreNotRepeats() {
    Path file =
        files.write(
            "s.conf",
            "network { regions { eu = [follower-1], us = [leader] }",
            "  region-links = [ { from = us, to = eu, one-way = true }, { from = eu, to = us, one-way = true },",
            "    { from = us, to = us } ] }");

    assertEquals(3, ScenarioLoader.load(file).network().regionLinks().size());
  }

  @Test
  void regionOfAnOverrideNamesTheOverride() {
    Path file = files.write("s.conf", "network.regions { us = [leader] }");

    assertEquals(
        "--set network.regions.eu=[leader]: network.regions.eu[0] = \"leader\" is already in"
            + " region us: a node is in at most one region",
        error(file, set("network.regions.eu=[leader]")));
  }
}
