package dev.replsim.clock;

/**
 * The next instant of a periodic process (heartbeats, lease and failure-detector checks, WAL
 * checkpoints), chained
 * on the instant the last one was <em>due</em>, never on when its timer was handled: a timer
 * handled late does not push every later one back. When it was so late that whole periods went
 * by, those rounds are skipped rather than run in a burst, and the rhythm keeps its phase.
 */
public final class Periodic {

  private Periodic() {}

  /** The first instant {@code due + k * period} (k at least 1) after {@code now}. */
  public static long next(long dueMicros, long periodMicros, long nowMicros) {
    long next = dueMicros + periodMicros;
    if (next > nowMicros) {
      return next;
    }
    return next + ((nowMicros - next) / periodMicros + 1) * periodMicros;
  }
}
