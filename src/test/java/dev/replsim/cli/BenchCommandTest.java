package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replsim bench} checks its input before it spends a minute and a half measuring. */
class BenchCommandTest {

  private final CliHarness cli = new CliHarness();

  @Test
  void benchRefusesANonEmptyOutputDirectoryBeforeMeasuring(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve("notes.txt"), "mine");

    assertEquals(ExitCode.BAD_INPUT, cli.execute("bench", "any.conf", "--out", out.toString()));
    assertTrue(cli.err().contains("--force"), cli.err());
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
  }

  @Test
  void benchLoadsTheScenarioOnceAsyncAndOnceSync(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve("notes.txt"), "mine");

    cli.execute("bench", "any.conf", "--out", out.toString());

    assertEquals(2, cli.loadedOverrides.size());
    assertTrue(cli.loadedOverrides.get(0).toString().contains("mode=async"));
    assertTrue(cli.loadedOverrides.get(1).toString().contains("mode=sync"));
  }

  @Test
  void benchRefusesVirtualTimeItMeasuresTheLivePath(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("b.conf"), "simulation.duration = 1s");
    cli.scenarios = dev.replsim.scenario.ScenarioLoader::load;

    assertEquals(ExitCode.BAD_INPUT, cli.execute("bench", file.toString(), "--time", "virtual", "--out",
        dir.resolve("out").toString()));
    assertTrue(cli.err().contains("bench measures the live path") && cli.err().contains("drop --time virtual"),
        cli.err());
    assertTrue(Files.notExists(dir.resolve("out")), "nothing measured, no output directory");
  }
}
