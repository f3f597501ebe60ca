package dev.replsim.cli;

import dev.replsim.sim.Progress;
import dev.replsim.sim.RunListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The one-line progress display of a running simulation. On a terminal the line is redrawn in
 * place with {@code \r}; otherwise (a pipe, a log file, CI) it is printed as a plain line at most
 * every five seconds, so logs stay short. Phases are printed as lines of their own.
 */
final class ProgressLine implements RunListener {

  /** Fits an 80-column terminal: a longer line would wrap and {@code \r} could no longer redraw it. */
  static final int WIDTH = 79;

  static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private static final int BAR = 12;

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
  ProgressLine(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
    this.out = out;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void phase(String description) {
    endLine();
    out.println(description);
    out.flush();
  }

  @Override
  public synchronized void progress(Progress progress) {
    String line = format(progress);
    if (terminal) {
      StringBuilder redraw = new StringBuilder("\r").append(line);
      for (int i = line.length(); i < shownLength; i++) {
        redraw.append(' '); // clear what a longer previous line left behind
      }
      out.print(redraw);
      shownLength = line.length();
    } else {
      long now = nanoTime.getAsLong();
      if (printedPlain && now - lastPlainNanos < PLAIN_INTERVAL_NANOS) {
        return;
      }
      out.println(line);
      printedPlain = true;
      lastPlainNanos = now;
    }
    out.flush();
  }

  /** Ends a line being redrawn, so what follows starts on a line of its own. */
  synchronized void finish() {
    endLine();
    out.flush();
  }

  private void endLine() {
    if (shownLength > 0) {
      out.println();
      shownLength = 0;
    }
  }

  /** E.g. {@code  12.3s/20.0s [#######.....]    198 writes/s  max lag   35.3 ms  crash leader}. */
  static String format(Progress progress) {
    double elapsed = progress.elapsedMicros() / 1e6;
    double total = progress.totalMicros() / 1e6;
    String line = String.format(Locale.ROOT, "%5.1fs/%.1fs [%s] %6.0f writes/s  max lag %6.1f ms",
        elapsed, total, bar(elapsed, total), progress.writesPerSec(), progress.maxApplyLagMs());
    String activity = progress.activity();
    if (activity != null && !activity.isBlank()) {
      line += "  " + activity.strip();
    }
    return line.length() > WIDTH ? line.substring(0, WIDTH - 3) + "..." : line;
  }

  private static String bar(double elapsed, double total) {
    double fraction = total > 0 ? Math.max(0, Math.min(1, elapsed / total)) : 1;
    int filled = (int) Math.round(fraction * BAR);
    return "#".repeat(filled) + ".".repeat(BAR - filled);
  }
}
