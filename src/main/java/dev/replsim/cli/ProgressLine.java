package dev.replsim.cli;

import dev.replsim.sim.Progress;
import dev.replsim.sim.RunListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The one-line progress display of a running simulation, a {@link RedrawnLine}: redrawn in place
 * on a terminal, a plain line at most every five seconds otherwise. Phases are printed as lines of
 * their own.
 */
final class ProgressLine implements RunListener {

  /** Fits an 80-column terminal: a longer line would wrap and {@code \r} could no longer redraw it. */
  static final int WIDTH = 79;

  private static final int BAR = 12;

  private final RedrawnLine line;

  /**
   * @param terminal redraw in place rather than print lines
   * @param nanoTime the clock that spaces plain lines
   */
  ProgressLine(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
    this.line = new RedrawnLine(out, terminal, nanoTime);
  }

  @Override
  public void phase(String description) {
    line.println(description);
  }

  @Override
  public void progress(Progress progress) {
    line.show(format(progress), false);
  }

  /** Ends a line being redrawn, so what follows starts on a line of its own. */
  void finish() {
    line.finish();
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

  /** A bar of {@code elapsed} out of {@code total}: {@code [#######.....]} without the brackets. */
  static String bar(double elapsed, double total) {
    double fraction = total > 0 ? Math.max(0, Math.min(1, elapsed / total)) : 1;
    int filled = (int) Math.round(fraction * BAR);
    return "#".repeat(filled) + ".".repeat(BAR - filled);
  }
}
