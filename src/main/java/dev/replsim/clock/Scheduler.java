package dev.replsim.clock;

/**
 * Where a run's timers are set: a task runs at an instant on the run's {@link Clock}, never
 * before it, in order of instant and, for the same instant, in the order the tasks were set. The
 * live driver's is the real-time {@link RunLoop}; the virtual driver's is its event queue, where a
 * task runs exactly at its instant. Every task runs on the scheduler's one thread, so what it
 * touches needs no locks.
 */
public interface Scheduler {

  /** A task set for an instant; {@link #cancel()} stops it from running if it has not yet. */
  interface Timer {
    void cancel();
  }

  Clock clock();

  /** Runs {@code task} at {@code atMicros}, or as soon as it can if that has passed. */
  Timer at(long atMicros, Runnable task);

  /** Runs {@code task} now, after the tasks already due now. */
  default void execute(Runnable task) {
    at(clock().nowMicros(), task);
  }
}
