package dev.replsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of durations, in milliseconds, as every latency and lag in
 * {@code summary.json} is reported.
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

  /** Microseconds to milliseconds, rounded to the microsecond. */
  static double ms(double micros) {
    return Math.round(micros) / 1000.0;
  }
}
