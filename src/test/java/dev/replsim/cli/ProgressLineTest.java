package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.sim.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private static final long SECOND = 1_000_000_000L;

  private final StringWriter text = new StringWriter();
  private final AtomicLong now = new AtomicLong();

  @Test
  void lineShowsElapsedOfTotalBarRateLagAndActivity() {
    assertEquals(" 12.3s/20.0s [#######.....]    198 writes/s  max lag   35.3 ms  crash leader",
        ProgressLine.format(new Progress(12_300_000, 20_000_000, 198.4, 35.25, "crash leader")));
    assertEquals(" 25.0s/20.0s [############]      0 writes/s  max lag    0.0 ms",
        ProgressLine.format(new Progress(25_000_000, 20_000_000, 0, 0, "")));
  }

  @Test
  void longActivityIsCutToTheWidthOfATerminal() {
    String line = ProgressLine.format(new Progress(1_000_000, 20_000_000, 1, 1, "x".repeat(200)));
    assertEquals(ProgressLine.WIDTH, line.length());
    assertTrue(line.endsWith("..."));
  }

  @Test
  void withoutATerminalALineIsPrintedAtMostEveryFiveSeconds() {
    ProgressLine progress = new ProgressLine(new PrintWriter(text), false, now::get);
    for (long tenths : new long[] {0, 10, 49, 50, 60, 101}) {
      now.set(tenths * SECOND / 10);
      progress.progress(new Progress(tenths * 100_000, 20_000_000, 100, 1, ""));
    }
    assertEquals(3, text.toString().lines().count(), text.toString());
    assertFalse(text.toString().contains("\r"));
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlaceAndAPhaseStartsANewLine() {
    ProgressLine progress = new ProgressLine(new PrintWriter(text), true, now::get);
    progress.progress(new Progress(1_000_000, 20_000_000, 100, 1, "a long activity note"));
    progress.progress(new Progress(2_000_000, 20_000_000, 100, 1, ""));
    String redrawn = text.toString();
    assertEquals(2, redrawn.chars().filter(c -> c == '\r').count());
    assertFalse(redrawn.contains("\n"), "still on one line");
    String[] draws = redrawn.split("\r");
    assertEquals(draws[1].length(), draws[2].length(), "the shorter line blanks out the longer one");

    progress.phase("draining");
    progress.finish();
    assertTrue(text.toString().endsWith(System.lineSeparator() + "draining" + System.lineSeparator()), text.toString());
  }
}
