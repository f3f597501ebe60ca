package dev.replsim.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What nodes in their own JVMs on one host rely on (docs/distributed.md, 3.3): every JVM of a
 * machine reads the same monotonic clock, so a child can run on the coordinator's run clock. Each of
 * a child's answers to 1,000 probes falls between the parent's instant of asking and of hearing
 * back; and a child of {@link ChildJvm} is gone once closed.
 */
class SharedMonotonicClockTest {

  @Test
  void aChildJvmReadsTheSameMonotonicClock() throws Exception {
    try (ChildJvm child = ChildJvm.start(ClockProbe.class, List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"),
        List.of(), null)) {
      PrintWriter ask = new PrintWriter(child.process().getOutputStream(), true, StandardCharsets.UTF_8);
      BufferedReader answer = new BufferedReader(new InputStreamReader(child.process().getInputStream(),
          StandardCharsets.UTF_8));
      for (int i = 0; i < 1000; i++) {
        long asked = System.nanoTime();
        ask.println("now?");
        String line = answer.readLine();
        long heard = System.nanoTime();
        assertNotNull(line, "the child answered probe " + i);
        long read = Long.parseLong(line.trim());
        assertTrue(asked <= read && read <= heard, "probe " + i + ": the child read " + read
            + ", outside [" + asked + ", " + heard + "]: not the same clock");
      }
      child.close();
      assertFalse(child.alive(), "closed, the child is gone");
    }
  }

  @Test
  void killIsASigkill() throws Exception {
    try (ChildJvm child = ChildJvm.start(ClockProbe.class, List.of("-XX:TieredStopAtLevel=1"), List.of(), null)) {
      assertTrue(child.alive());
      child.kill();
      assertTrue(child.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "gone within 10 s");
      assertEquals(128 + 9, child.process().exitValue(), "killed by signal 9");
    }
  }
}
