package dev.replsim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * A latency histogram in microseconds that is read interval by interval while it is being
 * written: writers record without locks, the sampler rolls the values recorded since its last
 * roll into the run's total. Histograms resize as values grow, so a run of short lags keeps them
 * small, and the interval histogram is reused, so sampling does not allocate.
 */
final class IntervalHistogram {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final SingleWriterRecorder singleWriter;
  private final org.HdrHistogram.Recorder multiWriter;
  private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
  private Histogram interval;

  /** @param singleWriter whether only one thread at a time records (cheaper) */
  IntervalHistogram(boolean singleWriter) {
    this.singleWriter = singleWriter ? new SingleWriterRecorder(SIGNIFICANT_DIGITS) : null;
    this.multiWriter = singleWriter ? null : new org.HdrHistogram.Recorder(SIGNIFICANT_DIGITS);
  }

  /** Records one duration; negative ones (clock noise) count as 0. */
  void record(long micros) {
    long value = Math.max(0, micros);
    if (singleWriter != null) {
      singleWriter.recordValue(value);
    } else {
      multiWriter.recordValue(value);
    }
  }

  /**
   * Moves what was recorded since the last roll into the total and returns it; the returned
   * histogram is valid until the next roll. Only the sampler's thread rolls.
   */
  synchronized Histogram roll() {
    interval = singleWriter != null
        ? singleWriter.getIntervalHistogram(interval)
        : multiWriter.getIntervalHistogram(interval);
    total.add(interval);
    return interval;
  }

  /** Everything rolled so far; roll once more at the end of a run to include the rest. */
  synchronized Histogram total() {
    return total;
  }
}
