package dev.replsim.node;

import dev.replsim.clock.Clock;

/**
 * A node's own clock: the run clock shifted by the node's skew. The protocol core sees only this
 * clock (a skewed node stamps its entries and sets its timers with it, as a host with a wrong
 * clock would), while the recorder and the network keep the true run clock, so every measured
 * lag stays the truth.
 */
final class LocalClock {

  private final Clock clock;
  private long skewMicros;

  LocalClock(Clock clock) {
    this.clock = clock;
  }

  long trueNow() {
    return clock.nowMicros();
  }

  /** The node's local time for a true instant. */
  long local(long trueMicros) {
    return trueMicros + skewMicros;
  }

  /** The true instant at which the node's local clock shows {@code localMicros}. */
  long toTrue(long localMicros) {
    return localMicros - skewMicros;
  }

  void skew(long offsetMicros) {
    this.skewMicros = offsetMicros;
  }
}
