package dev.replsim.clock;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at instants of the {@link RunClock} with sub-millisecond precision. Pekko's scheduler
 * ticks every 10 ms, which would add up to a tick of error to every emulated delay; a
 * {@link ScheduledThreadPoolExecutor} wakes within about a tenth of a millisecond. To take most of
 * that tenth off too, a task is scheduled {@link #EARLY_WAKE_MICROS} early and the timer thread
 * spins the rest of the way when it woke early, so tasks run at their instant and never before
 * it. The tasks it runs must be short: they only hand a message to an actor.
 */
public final class PreciseTimer implements AutoCloseable {

  /** About how late the executor wakes on an idle Linux machine (measured: 0.10 ms at p50). */
  static final long EARLY_WAKE_MICROS = 100;

  private final RunClock clock;
  private final ScheduledThreadPoolExecutor executor;

  public PreciseTimer(RunClock clock) {
    this.clock = clock;
    this.executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "replsim-precise-timer");
      t.setDaemon(true);
      t.setPriority(Thread.MAX_PRIORITY);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    // after close, late requests (from nodes still shutting down) are dropped, not thrown
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
  }

  public RunClock clock() {
    return clock;
  }

  /** Runs {@code task} at {@code atMicros} on the run clock, or at once if that has passed. */
  public ScheduledFuture<?> at(long atMicros, Runnable task) {
    Runnable onTime = () -> {
      while (clock.nowMicros() < atMicros) {
        Thread.onSpinWait();
      }
      task.run();
    };
    long delayNanos = clock.nanosUntil(atMicros - EARLY_WAKE_MICROS);
    return executor.schedule(guard(onTime), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} every {@code periodMicros}, first at {@code firstAtMicros}. */
  public ScheduledFuture<?> every(long firstAtMicros, long periodMicros, Runnable task) {
    return executor.scheduleAtFixedRate(guard(task), Math.max(0, clock.nanosUntil(firstAtMicros)),
        periodMicros * 1000, TimeUnit.NANOSECONDS);
  }

  /** A failing task must not kill the timer thread or cancel a periodic schedule silently. */
  private static Runnable guard(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
      }
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
