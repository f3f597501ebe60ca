package dev.replsim.cli;

import dev.replsim.batch.Batch;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar of a batch of runs: runs done of the total, failures, time elapsed and an
 * estimate of the time left, on a {@link RedrawnLine} (in place on a terminal, a plain line at
 * most every five seconds otherwise, and always after the last run). A failed run is named on a
 * line of its own as it fails.
 */
final class BatchProgress implements Batch.Listener {

  private final RedrawnLine line;
  private final LongSupplier nanoTime;
  private final String noun;
  private long startNanos;
  private int total;

  /**
   * @param noun what a job is, for the line: {@code runs}
   * @param terminal redraw in place rather than print lines
   */
  BatchProgress(PrintWriter out, boolean terminal, LongSupplier nanoTime, String noun) {
    this.line = new RedrawnLine(out, terminal, nanoTime);
    this.nanoTime = nanoTime;
    this.noun = noun;
  }

  @Override
  public void started(int jobs, int parallel) {
    startNanos = nanoTime.getAsLong();
    total = jobs;
    if (jobs > 0) {
      line.show(format(0, total, 0, 0), true);
    }
  }

  @Override
  public void finished(Batch.Outcome<?> outcome, int done, int failed) {
    if (outcome.failed()) {
      line.println(outcome.id() + " failed: " + firstLine(outcome.failure()));
    }
    line.show(format(done, total, failed, nanoTime.getAsLong() - startNanos), done == total);
  }

  /** Ends the bar's line. */
  void finish() {
    line.finish();
  }

  /** E.g. {@code  37/200 runs [##..........] 1 failed  0:42 elapsed  3:05 left}. */
  String format(int done, int total, int failed, long elapsedNanos) {
    String eta = done == 0 ? "?" : clock(elapsedNanos / done * (total - done));
    String text = String.format(Locale.ROOT, "%" + digits(total) + "d/%d %s [%s] %d failed  %s elapsed  %s left",
        done, total, noun, ProgressLine.bar(done, total), failed, clock(elapsedNanos), eta);
    return text.length() > ProgressLine.WIDTH ? text.substring(0, ProgressLine.WIDTH) : text;
  }

  /** {@code 0:42}, {@code 12:05}, {@code 1:02:09}. */
  static String clock(long nanos) {
    long s = Math.round(nanos / 1e9);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static int digits(int n) {
    return Integer.toString(Math.max(1, n)).length();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
