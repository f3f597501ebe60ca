package dev.replsim.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A status line on the console. On a terminal it is redrawn in place with {@code \r}; otherwise (a
 * pipe, a log file, CI) it is printed as a plain line at most every five seconds, so logs stay
 * short. Other text ends the line being redrawn first, so it starts on a line of its own. Shared by
 * a run's progress line and a sweep's progress bar.
 */
final class RedrawnLine {

  static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private int shownLength;
  private long lastPlainNanos;
  private boolean printedPlain;

  /**
   * @param terminal redraw in place rather than print lines
   * @param nanoTime the clock that spaces plain lines
   */
  RedrawnLine(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
    this.out = out;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  /** Shows {@code line}; without a terminal only if five seconds have passed since the last, or if {@code always}. */
  synchronized void show(String line, boolean always) {
    if (terminal) {
      StringBuilder redraw = new StringBuilder("\r").append(line);
      for (int i = line.length(); i < shownLength; i++) {
        redraw.append(' '); // clear what a longer previous line left behind
      }
      out.print(redraw);
      shownLength = line.length();
    } else {
      long now = nanoTime.getAsLong();
      if (!always && printedPlain && now - lastPlainNanos < PLAIN_INTERVAL_NANOS) {
        return;
      }
      out.println(line);
      printedPlain = true;
      lastPlainNanos = now;
    }
    out.flush();
  }

  /** Prints {@code text} as a line of its own, below the status line. */
  synchronized void println(String text) {
    finish();
    out.println(text);
    out.flush();
  }

  /** Ends a line being redrawn, so what follows starts on a line of its own. */
  synchronized void finish() {
    if (shownLength > 0) {
      out.println();
      shownLength = 0;
    }
    out.flush();
  }
}
