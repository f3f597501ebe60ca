package dev.replsim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar over many runs (a safety search, a sweep): runs done of all, and the time left
 * at the pace so far. On a terminal it is redrawn in place; otherwise a line is printed at each
 * tenth of the runs, so logs stay short. Safe to call from the runs' threads.
 */
final class RunsProgress {

  private static final int BAR = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final int total;
  private final long startNanos = System.nanoTime();
  private int lastTenth;

  RunsProgress(PrintWriter out, boolean terminal, int total) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
  }

  /** {@code done} runs have finished. */
  synchronized void done(int done) {
    int tenth = done * 10 / total;
    if (!terminal && tenth == lastTenth && done != total) {
      return;
    }
    lastTenth = tenth;
    out.print((terminal ? "\r" : "") + line(done, System.nanoTime() - startNanos) + (terminal ? "" : "\n"));
    out.flush();
  }

  /** The runs are over: the line the bar was on is finished. */
  synchronized void finish() {
    if (terminal) {
      out.println();
      out.flush();
    }
  }

  /** The bar for {@code done} runs after {@code elapsedNanos}. */
  String line(int done, long elapsedNanos) {
    int filled = done * BAR / total;
    double seconds = elapsedNanos / 1e9;
    String left = done == 0 || done == total ? ""
        : String.format(Locale.ROOT, ", about %.0f s left", seconds * (total - done) / done);
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + total + " runs"
        + String.format(Locale.ROOT, " in %.0f s", seconds) + left;
  }
}
