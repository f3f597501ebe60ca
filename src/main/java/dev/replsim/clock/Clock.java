package dev.replsim.clock;

/**
 * The one clock of a run, as everything that stamps or schedules sees it: microseconds since the
 * run's origin. The live driver's is {@link RunClock} (real, monotonic time); the virtual driver's
 * advances only when its event loop moves to the next event. Nothing in replsim reads
 * {@code System} time for a figure it reports: it asks this port.
 */
public interface Clock {

  /** Microseconds since the run's origin. */
  long nowMicros();
}
