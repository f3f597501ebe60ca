package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.spawn.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGTERM here: the same shutdown hook) on {@code replsim demo}, in a JVM of its own as a
 * teacher runs it: the writes end, the results and actions.conf are written, and nothing but the
 * run's own lines is printed (no warning from a shutdown already in progress).
 */
class DemoStopBySignalTest {

  @Test
  void aSignalEndsTheDemoWithItsResultsAndNoNoise(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("demo.log");
    Path out = dir.resolve("results");
    try (ChildJvm demo = ChildJvm.start(Main.class, List.of("-XX:TieredStopAtLevel=1"),
        List.of("demo", "simulations/demo-lag.conf", "--port", "0", "--out", out.toString(), "--force"), log)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("writing for")) {
        assertTrue(System.nanoTime() < deadline, "the demo started writing: " + Files.readString(log));
        assertTrue(demo.alive(), "the demo runs: " + Files.readString(log));
        LockSupport.parkNanos(50_000_000);
      }
      demo.process().destroy(); // SIGTERM
      assertTrue(demo.process().waitFor(60, TimeUnit.SECONDS), "the demo ended: " + Files.readString(log));
    }
    String printed = Files.readString(log);
    assertTrue(printed.contains("results          " + out), printed);
    assertTrue(Files.exists(out.resolve("summary.json")), printed);
    assertTrue(Files.readString(out.resolve("actions.conf")).startsWith("# What a replsim demo of"));
    assertFalse(printed.contains("WARN") || printed.contains("ERROR") || printed.contains("Exception"), printed);
    assertEquals(List.of(), Files.readAllLines(log).stream().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d.*")).toList(),
        "no log lines");
  }
}
