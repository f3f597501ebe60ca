package dev.replsim.workload;

import dev.replsim.scenario.WorkloadSettings.Arrival;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * When a client's next write arrives: evenly spaced, or with exponential gaps (a Poisson process)
 * at the client's share of the total write rate. Pure: it draws from the client's own stream.
 * Arrival instants are kept in nanoseconds so rounding does not drift the rate.
 */
public final class ArrivalProcess {

  private final double meanGapNanos;
  private final ContinuousSampler exponential;
  private double nextNanos;

  /**
   * @param ratePerSec this client's write rate
   * @param startMicros the instant of the first arrival
   */
  public ArrivalProcess(Arrival arrival, double ratePerSec, long startMicros, UniformRandomProvider stream) {
    this.meanGapNanos = 1e9 / ratePerSec;
    this.exponential = arrival == Arrival.POISSON ? ZigguratSampler.Exponential.of(stream, meanGapNanos) : null;
    // a random phase, so that clients with constant arrivals do not all write at the same instant
    this.nextNanos = startMicros * 1000.0 + stream.nextDouble() * meanGapNanos;
  }

  /** The instant of the next arrival in microseconds; each call moves on by one arrival. */
  public long next() {
    long at = (long) (nextNanos / 1000);
    nextNanos += exponential == null ? meanGapNanos : exponential.sample();
    return at;
  }
}
