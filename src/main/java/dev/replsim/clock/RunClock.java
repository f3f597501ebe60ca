package dev.replsim.clock;

/**
 * The one clock of a live run: microseconds since the run's origin, from
 * {@link System#nanoTime()}, so it is monotonic and shared by every node, link, client and the
 * recorder in this JVM. Every time replsim records comes from here.
 */
public final class RunClock implements Clock {

  private final long originNanos;

  public RunClock() {
    this.originNanos = System.nanoTime();
  }

  /** Microseconds since the origin. */
  @Override
  public long nowMicros() {
    return (System.nanoTime() - originNanos) / 1000;
  }

  /** Nanoseconds from now until {@code atMicros} on this clock (negative when it has passed). */
  public long nanosUntil(long atMicros) {
    return originNanos + atMicros * 1000 - System.nanoTime();
  }
}
