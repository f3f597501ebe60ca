package dev.replsim.sim.virtual;

/**
 * How a virtual run moves its clock forward when the run waits for an instant: as fast as the
 * events allow ({@link #UNPACED}, every virtual run), or held to the wall clock, paused and
 * stepped, as the classroom dashboard drives it ({@code replsim demo}). A pace only chooses when
 * the loop runs its events; it never changes which events run or in what order.
 */
@FunctionalInterface
public interface Pace {

  /** Runs every event due up to the instant at once: a virtual run's own pace. */
  Pace UNPACED = EventLoop::runUntil;

  /**
   * Runs {@code loop} up to {@code untilMicros}. A paced run may return earlier when it was told to
   * stop; the caller reads the loop's clock to see where it stands.
   */
  void advance(EventLoop loop, long untilMicros);
}
