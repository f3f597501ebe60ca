package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.ScenarioException;
import dev.replsim.sim.RunFailedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  private final CliHarness cli = new CliHarness();

  @Test
  void versionNamesReplsimAndItsVersion() {
    assertEquals(ExitCode.OK, cli.execute("--version"));
    assertTrue(cli.out().startsWith("replsim dev" + System.lineSeparator()), cli.out());
  }

  @Test
  void helpListsTheCommandsAndDescribesEveryOption() {
    assertEquals(ExitCode.OK, cli.execute("--help"));
    assertTrue(cli.out().contains("run "), cli.out());
    assertTrue(cli.out().contains("validate "), cli.out());
    assertTrue(cli.out().contains("--verbose"), cli.out());

    CliHarness run = new CliHarness();
    assertEquals(ExitCode.OK, run.execute("run", "--help"));
    for (String option : List.of("FILE", "--seed=N", "--duration=D", "--time=MODE", "--out=DIR", "--force", "--set=KEY=VALUE")) {
      assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith(option + " ") && l.strip().length() > 30),
          option + " has a description in\n" + run.out());
    }
  }

  @Test
  void unknownFlagIsBadInputWithAPointerToHelp() {
    assertEquals(ExitCode.BAD_INPUT, cli.execute("run", "lag.conf", "--sed", "7"));
    assertTrue(cli.err().contains("Unknown option"), cli.err());
    assertTrue(cli.err().contains("Try 'replsim run --help'"), cli.err());
    assertFalse(cli.err().contains("\tat "), "no stack trace");
    assertTrue(cli.loadedFiles.isEmpty());
  }

  @Test
  void missingScenarioFileIsBadInput() {
    assertEquals(ExitCode.BAD_INPUT, cli.execute("run"));
    assertTrue(cli.err().contains("Missing required parameter: 'FILE'"), cli.err());
  }

  @Test
  void noCommandIsBadInput() {
    assertEquals(ExitCode.BAD_INPUT, cli.execute());
    assertTrue(cli.err().contains("Missing command: run, validate, sweep, bench, report, compare"), cli.err());
    assertTrue(cli.err().contains(", demo or check-safety"), "every command is named: " + cli.err());
  }

  @Test
  void setWithoutEqualsSignIsBadInput() {
    assertEquals(ExitCode.BAD_INPUT, cli.execute("run", "lag.conf", "--set", "network.delay.value"));
    assertTrue(cli.err().contains("'network.delay.value' is not KEY=VALUE"), cli.err());
    assertTrue(cli.loadedFiles.isEmpty(), "nothing is loaded");
  }

  @Test
  void scenarioErrorIsBadInputPrintedAsItIs() {
    String message = "lag.conf:3: network.delay.value: 'soon' is not a duration (e.g. 50ms, 2s)";
    cli.scenarios = (file, overrides) -> {
      throw new ScenarioException(message);
    };
    assertEquals(ExitCode.BAD_INPUT, cli.execute("run", "lag.conf"));
    assertEquals(message + System.lineSeparator(), cli.err());
    assertTrue(cli.runs.isEmpty());

    CliHarness validate = new CliHarness();
    validate.scenarios = cli.scenarios;
    assertEquals(ExitCode.BAD_INPUT, validate.execute("validate", "lag.conf"));
    assertEquals(message + System.lineSeparator(), validate.err());
  }

  @Test
  void failedRunExitsWithOne(@TempDir Path tmp) {
    cli.runner = (scenario, listener) -> {
      throw new RunFailedException("the cluster did not form in 10s");
    };
    assertEquals(ExitCode.RUN_FAILED, cli.execute("run", "lag.conf", "--out", tmp.resolve("out").toString()));
    assertTrue(cli.err().contains("run failed: the cluster did not form in 10s"), cli.err());
    assertFalse(cli.err().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void unexpectedErrorIsOneLineUnlessVerbose(@TempDir Path tmp) {
    cli.runner = (scenario, listener) -> {
      throw new IllegalStateException("boom");
    };
    String out = tmp.resolve("out").toString();
    assertEquals(ExitCode.RUN_FAILED, cli.execute("run", "lag.conf", "--out", out));
    assertEquals(1, cli.err().lines().count(), cli.err());
    assertTrue(cli.err().contains("boom"), cli.err());

    CliHarness verbose = new CliHarness();
    verbose.runner = cli.runner;
    assertEquals(ExitCode.RUN_FAILED, verbose.execute("--verbose", "run", "lag.conf", "--out", out));
    assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose:\n" + verbose.err());
  }

  @Test
  void verboseIsAcceptedAfterTheCommandToo(@TempDir Path tmp) {
    cli.runner = (scenario, listener) -> {
      throw new IllegalStateException("boom");
    };
    cli.execute("run", "-v", "lag.conf", "--out", tmp.resolve("out").toString());
    assertTrue(cli.err().contains("\tat "), cli.err());
  }

  @Test
  void validateDescribesTheScenarioAndSaysOk() {
    assertEquals(ExitCode.OK, cli.execute("validate", "lag.conf", "--set", "workload.clients=8"));
    String out = cli.out();
    for (String expected : List.of("lag-demo (simulations/lag-demo.conf)", "seed         42", "20s",
        "leader, follower-1, follower-2", "logical, semi-sync ANY 1 at applied, timeout 1s",
        "uniform(20ms, 40ms)", "leader -> follower-2: constant(80ms)", "200/s poisson from 4 clients",
        "message diagram of 2s")) {
      assertTrue(out.contains(expected), expected + " in\n" + out);
    }
    assertTrue(out.endsWith("OK" + System.lineSeparator()), out);
    assertEquals(List.of(Path.of("lag.conf")), cli.loadedFiles);
    assertEquals(List.of(List.of(new SettingOverride("--set", "workload.clients=8"))), cli.loadedOverrides);
    assertTrue(cli.runs.isEmpty());
  }

  @Test
  void plainCommandLineStillMapsOutcomesToExitCodes() {
    cli.scenarios = (file, overrides) -> {
      throw new ScenarioException("bad scenario");
    };
    CommandLine plain = cli.capture(new CommandLine(cli.main()));
    assertEquals(ExitCode.BAD_INPUT, plain.execute("validate", "lag.conf"));
    assertEquals(ExitCode.BAD_INPUT, plain.execute("--bogus"));
    assertTrue(cli.err().startsWith("bad scenario"), cli.err());
  }

  @Test
  void shippedLoaderReportsAMissingScenarioFileAsBadInput(@TempDir Path tmp) {
    CommandLine shipped = cli.capture(Main.commandLine(new Main()));
    String missing = tmp.resolve("no-such.conf").toString();
    assertEquals(ExitCode.BAD_INPUT, shipped.execute("validate", missing));
    assertTrue(cli.err().contains("no-such.conf"), cli.err());
    assertFalse(cli.err().contains("\tat "), cli.err());
  }

  @Test
  void shippedLoaderReportsBadReplicationSettingsAsBadInput(@TempDir Path tmp) throws Exception {
    CommandLine shipped = cli.capture(Main.commandLine(new Main()));
    Path file = java.nio.file.Files.writeString(tmp.resolve("bad.conf"),
        "cluster.replication { mode = semi-sync, quorum = first, standbys = [follower-9] }\n");
    assertEquals(ExitCode.BAD_INPUT, shipped.execute("run", file.toString(), "--out", tmp.resolve("out").toString()));
    assertEquals(file + ":1: cluster.replication.standbys[0] = \"follower-9\" is not a follower: must be one of"
        + " follower-1, follower-2 and follower-3; did you mean follower-1?" + System.lineSeparator(), cli.err());
    assertFalse(java.nio.file.Files.exists(tmp.resolve("out")));
  }
}
