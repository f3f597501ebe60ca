package dev.replsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of durations, in milliseconds, as every latency and lag in
 * {@code summary.json} is reported (or, built by {@link #ofValues}, in the unit of the values).
 */
public record LatencyStats(long count, double mean, double p50, double p90, double p99, double max) {

  public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

  /** Reads a histogram of microseconds. */
  public static LatencyStats of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencyStats(
        micros.getTotalCount(),
        ms(micros.getMean()),
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getMaxValue()));
  }

  /**
   * Reads a histogram of microseconds whose exact least and greatest value and sum are known: its
   * percentiles (the top of a 3-digit bucket) are held within them, and the mean and maximum are exact.
   */
  static LatencyStats of(Histogram micros, long least, long greatest, long sum) {
    long count = micros.getTotalCount();
    if (count == 0) {
      return EMPTY;
    }
    return new LatencyStats(
        count,
        ms((double) sum / count),
        ms(within(micros.getValueAtPercentile(50), least, greatest)),
        ms(within(micros.getValueAtPercentile(90), least, greatest)),
        ms(within(micros.getValueAtPercentile(99), least, greatest)),
        ms(greatest));
  }

  private static long within(long value, long least, long greatest) {
    return Math.max(least, Math.min(greatest, value));
  }

  /**
   * Reads a histogram of values already in the unit they are reported in, such as MySQL's whole
   * seconds behind the source.
   */
  public static LatencyStats ofValues(Histogram values) {
    if (values.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencyStats(
        values.getTotalCount(),
        Math.round(values.getMean() * 1000) / 1000.0,
        values.getValueAtPercentile(50),
        values.getValueAtPercentile(90),
        values.getValueAtPercentile(99),
        values.getMaxValue());
  }

  /** Microseconds to milliseconds, rounded to the microsecond. */
  static double ms(double micros) {
    return Math.round(micros) / 1000.0;
  }
}
