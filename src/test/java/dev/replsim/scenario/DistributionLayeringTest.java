package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.Distribution;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributions are replaced, not merged: a layer that sets one with its {@code distribution}
 * replaces the lower layer's object whole; a layer that sets only parameters changes those.
 */
class DistributionLayeringTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  @Test
  void fileDistributionReplacesTheDefaultWhole() {
    // the default delay is uniform(20ms, 40ms): its min and max must not leak into the constant
    Path file = files.write("s.conf", "network.delay = { distribution = constant, value = 5ms }");

    assertEquals(new Distribution.Constant(5_000), ScenarioLoader.load(file).network().defaults().delay());
  }

  @Test
  void fileCanSetOneParameterOfTheDefaultDistribution() {
    Path file = files.write("s.conf", "network.delay.max = 90ms");

    assertEquals(
        new Distribution.Uniform(20_000, 90_000), ScenarioLoader.load(file).network().defaults().delay());
  }

  @Test
  void overrideSetsOneParameterOfTheFilesDistribution() {
    Path file = files.write("s.conf", "network.delay = { distribution = constant, value = 5ms }");

    Scenario s = ScenarioLoader.load(file, List.of(set("network.delay.value=50ms")));

    assertEquals(new Distribution.Constant(50_000), s.network().defaults().delay());
  }

  @Test
  void overrideSwitchesDistributionWithItsParametersInEitherOrder() {
    Path file =
        files.write("s.conf", "cluster.apply-time = { distribution = constant, value = 1ms }");
    Distribution expected = new Distribution.Uniform(2_000, 4_000);

    Scenario kindFirst =
        ScenarioLoader.load(
            file,
            List.of(
                set("cluster.apply-time.distribution=uniform"),
                set("cluster.apply-time.min=2ms"),
                set("cluster.apply-time.max=4ms")));
    Scenario kindLast =
        ScenarioLoader.load(
            file,
            List.of(
                set("cluster.apply-time.min=2ms"),
                set("cluster.apply-time.max=4ms"),
                set("cluster.apply-time.distribution=uniform")));

    assertEquals(expected, kindFirst.cluster().applyTime());
    assertEquals(expected, kindLast.cluster().applyTime());
  }

  @Test
  void overrideOfAWholeObjectReplacesTheFilesDistribution() {
    Path file =
        files.write("s.conf", "network.delay = { distribution = uniform, min = 1ms, max = 2ms }");

    Scenario s =
        ScenarioLoader.load(
            file, List.of(set("network.delay={ distribution = constant, value = 7ms }")));

    assertEquals(new Distribution.Constant(7_000), s.network().defaults().delay());
  }

  @Test
  void parameterOfAnotherDistributionFromAnOverrideSaysHowToSwitch() {
    Path file = files.write("s.conf", "# the default delay is uniform");

    assertEquals(
        "--set network.delay.value=50ms: network.delay.value is not a parameter of the uniform"
            + " distribution, which takes min and max (and jitter); to make the delay constant also set"
            + " network.delay.distribution=constant",
        error(file, set("network.delay.value=50ms")));
  }

  @Test
  void parameterOfAnotherDistributionInAFileNamesItsLine() {
    Path file =
        files.write(
            "s.conf",
            "cluster {",
            "  apply-time = { distribution = constant, value = 1ms }",
            "  apply-time.max = 3ms",
            "}");

    assertEquals(
        file
            + ":3: cluster.apply-time.max is not a parameter of the constant distribution, which"
            + " takes value (and jitter); to make the apply-time uniform also set"
            + " cluster.apply-time.distribution = uniform",
        error(file));
  }

  @Test
  void switchingDistributionWithoutItsParametersSaysWhatIsMissing() {
    Path file = files.write("s.conf", "");

    assertEquals(
        "--set network.delay.distribution=constant: network.delay: the constant distribution needs"
            + " value, e.g. network.delay = { distribution = constant, value = 40ms }; setting the"
            + " distribution replaces the whole network.delay, so set its parameters too",
        error(file, set("network.delay.distribution=constant")));
  }

  @Test
  void includedDistributionIsReplacedAfterNull() {
    files.write("base.conf", "network.delay = { distribution = uniform, min = 1ms, max = 2ms }");
    Path merged =
        files.write(
            "merged.conf",
            "include \"base.conf\"",
            "network.delay = { distribution = constant, value = 3ms }");
    Path reset =
        files.write(
            "reset.conf",
            "include \"base.conf\"",
            "network.delay = null",
            "network.delay = { distribution = constant, value = 3ms }");

    // inside one file (includes too) HOCON merges objects; the message says how to replace
    assertTrue(
        error(merged).endsWith("(to replace an included delay, first write network.delay = null)"),
        error(merged));
    assertEquals(new Distribution.Constant(3_000), ScenarioLoader.load(reset).network().defaults().delay());
  }

  @Test
  void uniformNeedsMinAtMostMax() {
    Path file =
        files.write("s.conf", "network.delay { distribution = uniform, min = 30ms, max = 10ms }");

    assertEquals(
        file
            + ":1: network.delay.max = 10ms is less than network.delay.min = 30ms: a uniform"
            + " distribution needs min <= max",
        error(file));
  }

  @Test
  void durationsMustNotBeNegative() {
    Path file = files.write("s.conf", "cluster.apply-time.value = -1ms");

    assertEquals(
        file
            + ":1: cluster.apply-time.value = -1ms is out of range: must be a duration of 0 or"
            + " more, e.g. 20ms",
        error(file));
  }

  @Test
  void unknownDistributionListsTheSupportedOnesAndSuggestsTheNearest() {
    Path misspelt = files.write("a.conf", "network.delay = { distribution = exponental, mean = 1ms }");
    Path synonym = files.write("b.conf", "network.delay = { distribution = gaussian, mean = 1ms }");
    Path unknown = files.write("c.conf", "network.delay = { distribution = weibull, shape = 2 }");
    String all = "must be constant, uniform, normal, exponential, log-normal, pareto or empirical";

    assertEquals(
        misspelt
            + ":1: network.delay.distribution = exponental is not a distribution: "
            + all
            + "; did you mean exponential?",
        error(misspelt));
    assertEquals(
        synonym
            + ":1: network.delay.distribution = gaussian is not a distribution: "
            + all
            + "; did you mean normal?",
        error(synonym));
    assertEquals(
        unknown + ":1: network.delay.distribution = weibull is not a distribution: " + all,
        error(unknown));
  }

  @Test
  void distributionMustBeAnObject() {
    Path file = files.write("s.conf", "network.delay = 40ms");

    assertEquals(
        file
            + ":1: network.delay = 40ms is not a distribution: write e.g. { distribution ="
            + " constant, value = 40ms } or { distribution = uniform, min = 20ms, max = 40ms }"
            + " (the distributions are constant, uniform, normal, exponential, log-normal, pareto"
            + " and empirical)",
        error(file));
  }

  @Test
  void linkDelayIsReadLikeAnyDistribution() {
    Path file =
        files.write(
            "s.conf",
            "network.links = [",
            "  { from = leader, to = follower-1, delay = { distribution = constant, min = 1ms } }",
            "]");

    assertTrue(
        error(file)
            .startsWith(
                file
                    + ":2: network.links[0].delay.min is not a parameter of the"
                    + " constant distribution, which takes value"),
        error(file));
  }
}
