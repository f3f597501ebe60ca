package dev.replsim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * A latency histogram in microseconds that is read interval by interval while it is being
 * written: writers record without locks, the sampler rolls the values recorded since its last
 * roll into the run's total. Histograms resize as values grow, so a run of short lags keeps them
 * small, and the interval histogram is reused, so sampling does not allocate. In a run on one
 * thread (virtual time) writer and sampler never overlap, so plain histograms do without the
 * recorders' memory barriers.
 */
final class IntervalHistogram {

  private static final int SIGNIFICANT_DIGITS = 3;

  /** Who records and who rolls. */
  enum Threads {
    /** Records and rolls on one thread, never at once: plain histograms. */
    ONE,
    /** One thread at a time records; the sampler rolls on another. */
    SINGLE_WRITER,
    /** Any thread records; the sampler rolls on another. */
    MULTI_WRITER
  }

  private final SingleWriterRecorder singleWriter;
  private final org.HdrHistogram.Recorder multiWriter;
  private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
  private Histogram current;
  private Histogram interval;
  /**
   * The exact sum, least and greatest of every value recorded (the histograms round to 3 digits),
   * written by the one thread that records and read once the run is over.
   */
  private long sum;
  private long least = Long.MAX_VALUE;
  private long greatest = Long.MIN_VALUE;

  IntervalHistogram(Threads threads) {
    this.singleWriter = threads == Threads.SINGLE_WRITER ? new SingleWriterRecorder(SIGNIFICANT_DIGITS) : null;
    this.multiWriter = threads == Threads.MULTI_WRITER ? new org.HdrHistogram.Recorder(SIGNIFICANT_DIGITS) : null;
    if (threads == Threads.ONE) {
      current = new Histogram(SIGNIFICANT_DIGITS);
      interval = new Histogram(SIGNIFICANT_DIGITS);
    }
  }

  /** Records one duration; negative ones (clock noise) count as 0. */
  void record(long micros) {
    long value = Math.max(0, micros);
    if (current != null) {
      current.recordValue(value);
      total.recordValue(value); // cheaper than adding the interval's whole counts array at each roll
      exactly(value);
      return;
    }
    exactly(value); // no lock: in a live run too, every value is recorded on the run loop's thread
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
    if (current != null) {
      Histogram recorded = current;
      current = interval;
      current.reset();
      interval = recorded;
      return interval;
    }
    interval = singleWriter != null
        ? singleWriter.getIntervalHistogram(interval)
        : multiWriter.getIntervalHistogram(interval);
    total.add(interval);
    return interval;
  }

  private void exactly(long value) {
    sum += value;
    least = Math.min(least, value);
    greatest = Math.max(greatest, value);
  }

  /**
   * Everything rolled so far as the summary reports it: the histogram's percentiles, within the
   * exact least and greatest value (so a constant 40 ms reads 40.000, not the top of its 32 µs
   * bucket), with the exact mean and maximum. Roll once more at the end of a run first.
   */
  synchronized LatencyStats stats() {
    return LatencyStats.of(total, least, greatest, sum);
  }

  /** Everything rolled so far; roll once more at the end of a run to include the rest. */
  synchronized Histogram total() {
    return total;
  }
}
