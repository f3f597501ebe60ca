package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputDirectoryTest {

  @Test
  void outFlagWins() {
    assertEquals(Path.of("mine"), OutputDirectory.choose(Path.of("mine"), TestRuns.scenario("x"), CliHarness.CLOCK));
  }

  @Test
  void scenarioOutputDirComesNext() {
    assertEquals(Path.of("results/quickstart"),
        OutputDirectory.choose(null, TestRuns.scenario("results/quickstart"), CliHarness.CLOCK));
  }

  @Test
  void otherwiseResultsNameAndTimestamp() {
    assertEquals(Path.of("results", "lag-demo-20250102-030405"),
        OutputDirectory.choose(null, TestRuns.scenario(""), CliHarness.CLOCK));
  }
}
