package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replsim check-safety}: what it prints, saves and exits with. */
class CheckSafetyCommandTest {

  private final CliHarness cli = new CliHarness();

  @Test
  void runsThatKeepEveryInvariantExitZeroAndSaveNothing(@TempDir Path dir) {
    Path out = dir.resolve("safety");

    assertEquals(ExitCode.OK, cli.execute("check-safety", "--runs", "3", "--seed", "5", "--out", out.toString()));
    assertTrue(cli.out().contains("3 runs in") && cli.out().contains("every invariant held"), cli.out());
    assertTrue(cli.err().contains("3/3 runs ["), "a progress bar over runs: " + cli.err());
    assertTrue(Files.notExists(out), "nothing to save");
  }

  @Test
  void aBrokenInvariantIsPrintedWithItsReproductionAndItsShrunkScenarioSaved(@TempDir Path dir) {
    Path out = dir.resolve("safety");

    int code = cli.execute("check-safety", "--seed", "5", "--runs", "1", "--set", "failover.fencing=false", "--out",
        out.toString());

    assertEquals(ExitCode.RUN_FAILED, code, cli.out() + cli.err());
    assertTrue(cli.out().contains("seed 5 broke replicas-converge"), cli.out());
    assertTrue(cli.out().contains("reproduce: replsim check-safety --seed 5 --runs 1 --set failover.fencing=false"),
        cli.out());
    assertTrue(cli.out().contains("shrunk from 6 faults to 1: replsim check-safety --scenario " + out.resolve("seed-5.conf")
        + " --set failover.fencing=false"), cli.out());
    Path shrunk = out.resolve("seed-5.conf");
    assertTrue(Files.exists(shrunk) && Files.exists(out.resolve("seed-5").resolve("summary.json")), cli.out());

    CliHarness again = new CliHarness();
    assertEquals(ExitCode.RUN_FAILED, again.execute("check-safety", "--scenario", shrunk.toString(), "--set",
        "failover.fencing=false", "--out", dir.resolve("again").toString()));
    assertTrue(again.out().contains("broke replicas-converge"), again.out());
    CliHarness fenced = new CliHarness();
    assertEquals(ExitCode.OK, fenced.execute("check-safety", "--scenario", shrunk.toString(), "--out",
        dir.resolve("fenced").toString()), "with fencing the same faults break nothing: " + fenced.out());
  }

  @Test
  void withoutShrinkingTheFailingSeedIsSavedAsGenerated(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("safety");

    assertEquals(ExitCode.RUN_FAILED, cli.execute("check-safety", "--seed", "5", "--runs", "1", "--no-shrink", "--set",
        "failover.fencing=false", "--out", out.toString()));
    assertTrue(cli.out().contains("seed 5 broke") && !cli.out().contains("shrunk"), cli.out());
    assertEquals(6, Files.readString(out.resolve("seed-5.conf")).lines().filter(l -> l.contains("at = ")).count(),
        "all six faults kept");
  }

  @Test
  void badInputIsRefusedBeforeAnyRun(@TempDir Path dir) {
    Path out = dir.resolve("safety");

    assertEquals(ExitCode.BAD_INPUT, cli.execute("check-safety", "--set", "failover.fencin=false", "--out",
        out.toString()));
    assertTrue(cli.err().contains("failover.fencin") && cli.err().contains("did you mean"), cli.err());
    CliHarness zero = new CliHarness();
    assertEquals(ExitCode.BAD_INPUT, zero.execute("check-safety", "--runs", "0"));
    assertTrue(zero.err().contains("--runs 0 is out of range"), zero.err());
    assertTrue(Files.notExists(out));
  }
}
