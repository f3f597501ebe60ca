package dev.replsim.workload;

import dev.replsim.scenario.WorkloadSettings.Arrival;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * When a client's next write (or read) arrives: evenly spaced, or with exponential gaps (a Poisson
 * process) at the client's share of the total rate, from the run's start until its end. Pure: it
 * draws from the client's own stream. Each arrival follows the one before it by a drawn gap,
 * whenever the driver gets round to issuing it, so the process issues exactly the arrivals it
 * draws; instants are kept in nanoseconds so rounding does not drift the rate.
 */
public final class ArrivalProcess {

  /** What {@link #next()} returns once the next arrival would fall at or after the end. */
  public static final long END = Long.MAX_VALUE;

  private final double meanGapNanos;
  private final ContinuousSampler exponential;
  private double endNanos;
  private double nextNanos;

  /**
   * @param ratePerSec this client's rate
   * @param startMicros the instant the arrivals start
   * @param endMicros the instant they end: no arrival falls at or after it
   */
  public ArrivalProcess(Arrival arrival, double ratePerSec, long startMicros, long endMicros,
      UniformRandomProvider stream) {
    this.meanGapNanos = 1e9 / ratePerSec;
    this.exponential = arrival == Arrival.POISSON ? ZigguratSampler.Exponential.of(stream, meanGapNanos) : null;
    this.endNanos = endMicros * 1000.0;
    // a random phase, so that clients with constant arrivals do not all write at the same instant
    this.nextNanos = startMicros * 1000.0 + stream.nextDouble() * meanGapNanos;
  }

  /**
   * Ends the arrivals earlier, at {@code endMicros} (never later than they would have): a paced
   * run told to stop ({@code replsim demo}) draws none after that.
   */
  public void endAt(long endMicros) {
    endNanos = Math.min(endNanos, endMicros * 1000.0);
  }

  /** Whether an arrival drawn for {@code atMicros} falls at or after the end, as {@link #endAt} moved it. */
  public boolean endedBy(long atMicros) {
    return atMicros * 1000.0 >= endNanos;
  }

  /** The instant of the next arrival in microseconds, or {@link #END}; each call moves on by one arrival. */
  public long next() {
    if (nextNanos >= endNanos) {
      return END;
    }
    long at = (long) (nextNanos / 1000);
    nextNanos += exponential == null ? meanGapNanos : exponential.sample();
    return at;
  }
}
