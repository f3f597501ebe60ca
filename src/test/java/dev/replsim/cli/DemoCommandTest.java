package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code replsim demo} refuses what it cannot do as bad input, before serving or running anything. */
class DemoCommandTest {

  private final StringWriter err = new StringWriter();

  private int demo(String... args) {
    CommandLine cli = Main.commandLine(new Main());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "demo";
    all[1] = "simulations/demo-failover.conf";
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  @Test
  void aSpeedOutOfRangeIsBadInput() {
    assertEquals(ExitCode.BAD_INPUT, demo("--speed", "500"));
    assertTrue(err.toString().contains("--speed must be from 0.01 to 100, not 500.0"), err.toString());
  }

  @Test
  void aLiveDemoRunsAndWritesItsResults(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("live");
    assertEquals(ExitCode.OK, demo("--time", "live", "--port", "0", "--duration", "2s", "--set",
        "simulation.warm-up=500ms", "--out", out.toString()), err.toString());
    String summary = Files.readString(out.resolve("summary.json")).replaceAll("\\s", "");
    assertTrue(summary.contains("\"durationMs\":2000"), summary);
    assertTrue(summary.contains("\"driver\":\"live\""), "a live run: " + summary);
  }

  @Test
  void aSpeedWithLiveTimeIsBadInput() {
    assertEquals(ExitCode.BAD_INPUT, demo("--time", "live", "--speed", "2"));
    assertTrue(err.toString().contains("--speed needs virtual time"), err.toString());
  }

  @Test
  void aPortOutOfRangeIsBadInput() {
    assertEquals(ExitCode.BAD_INPUT, demo("--port", "70000"));
    assertTrue(err.toString().contains("--port must be from 0 to 65535"), err.toString());
  }
}
