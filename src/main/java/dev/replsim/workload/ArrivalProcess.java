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
 *
 * <p>The rate may change mid-run ({@link #changeRate}), and the process may stop and start again
 * ({@link #stop}, {@link #start}); a rate of 0 draws nothing, like a stop. At such a change at
 * instant t the arrival due next keeps its place in its gap: what was left of the gap at t, as a
 * share of the old gap, is left of the new one from t. For constant arrivals that keeps each
 * client's phase (clients do not all fall into step); for Poisson arrivals what is left of an
 * exponential gap is again an exponential gap (memorylessness), so this is exactly a fresh draw
 * at the new rate from t. A stopped process keeps that share until it starts again.
 */
public final class ArrivalProcess {

  /** What {@link #next()} returns once the next arrival would fall at or after the end. */
  public static final long END = Long.MAX_VALUE;

  /** What {@link #next()} returns while the process is stopped or at rate 0: no arrival is due. */
  public static final long IDLE = Long.MIN_VALUE;

  private final Arrival arrival;
  private final UniformRandomProvider stream;
  /** The mean gap at the current rate; infinite at rate 0. */
  private double meanGapNanos;
  private ContinuousSampler exponential;
  private double endNanos;
  /** While running: the instant of the arrival due next. */
  private double dueNanos;
  /** While idle: how much of a gap was left to the arrival due next when the process went idle. */
  private double restGaps;
  /** Whether {@link #next()} handed out the arrival due next already: the next call draws the one after it. */
  private boolean handedOut;
  private boolean stopped;

  /**
   * @param ratePerSec this client's rate; 0 for a process that starts idle
   * @param startMicros the instant the arrivals start
   * @param endMicros the instant they end: no arrival falls at or after it
   */
  public ArrivalProcess(Arrival arrival, double ratePerSec, long startMicros, long endMicros,
      UniformRandomProvider stream) {
    this.arrival = arrival;
    this.stream = stream;
    this.endNanos = endMicros * 1000.0;
    setRate(ratePerSec);
    // a random phase, so that clients with constant arrivals do not all write at the same instant
    double phase = stream.nextDouble();
    if (idle()) {
      this.restGaps = phase;
    } else {
      this.dueNanos = startMicros * 1000.0 + phase * meanGapNanos;
    }
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

  /**
   * The instant of the next arrival in microseconds, {@link #END} or {@link #IDLE}; each call moves
   * on by one arrival (the first call returns the first).
   */
  public long next() {
    if (idle()) {
      return IDLE;
    }
    if (handedOut) {
      dueNanos += exponential == null ? meanGapNanos : exponential.sample();
    }
    return due();
  }

  /**
   * The instant of the arrival due next, without moving on: after a change, the arrival to wait
   * for instead of the one {@link #next()} returned last. {@link #END} or {@link #IDLE} as there.
   */
  public long due() {
    if (idle()) {
      return IDLE;
    }
    handedOut = true;
    return dueNanos >= endNanos ? END : (long) (dueNanos / 1000);
  }

  /** From {@code atMicros} on, arrivals come at {@code ratePerSec} (this client's share; 0: none). */
  public void changeRate(double ratePerSec, long atMicros) {
    idleAt(atMicros);
    setRate(ratePerSec);
    runAt(atMicros);
  }

  /** No arrival from {@code atMicros} on, until {@link #start}. */
  public void stop(long atMicros) {
    idleAt(atMicros);
    stopped = true;
  }

  /** Arrivals again from {@code atMicros} on, after a {@link #stop}. */
  public void start(long atMicros) {
    stopped = false;
    runAt(atMicros);
  }

  /** Whether no arrival is due: the process is stopped or at rate 0. */
  public boolean idle() {
    return stopped || Double.isInfinite(meanGapNanos);
  }

  private void setRate(double ratePerSec) {
    if (!(ratePerSec >= 0)) {
      throw new IllegalArgumentException("a rate of 0 or more, not " + ratePerSec);
    }
    meanGapNanos = ratePerSec == 0 ? Double.POSITIVE_INFINITY : 1e9 / ratePerSec;
    exponential = arrival == Arrival.POISSON && ratePerSec > 0
        ? ZigguratSampler.Exponential.of(stream, meanGapNanos) : null;
  }

  /** Keeps what is left of the current gap at {@code atMicros}, as a share of it. */
  private void idleAt(long atMicros) {
    if (!idle()) {
      restGaps = Math.max(0, dueNanos - atMicros * 1000.0) / meanGapNanos;
    }
  }

  /** If the process runs now, the arrival due next is what was left of a gap from {@code atMicros}. */
  private void runAt(long atMicros) {
    if (!idle()) {
      dueNanos = atMicros * 1000.0 + restGaps * meanGapNanos;
    }
  }
}
