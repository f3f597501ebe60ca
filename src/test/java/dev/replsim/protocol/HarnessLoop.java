package dev.replsim.protocol;

import dev.replsim.sim.virtual.EventLoop;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The event loop of a {@link ProtocolHarness}: the virtual driver's {@link EventLoop}, and what
 * the harness adds to it, the difference between foreground and background work. Heartbeats,
 * failure detection and leases re-arm forever, so they and the work they cause (deliveries,
 * acks, resends) are background: they alone do not keep {@link #runUntilIdle} running.
 */
final class HarnessLoop {

  /** The timers whose firings are background work. */
  static final Set<TimerKey> BACKGROUND = EnumSet.of(TimerKey.HEARTBEAT, TimerKey.ELECTION, TimerKey.LEASE);

  private final EventLoop loop = new EventLoop();
  /** Foreground events queued and not run yet; the cores' own timers are counted apart, by key. */
  private long foreground;
  private boolean inBackground;

  /** The loop itself, as the nodes' clock and scheduler. */
  EventLoop scheduler() {
    return loop;
  }

  long now() {
    return loop.nowMicros();
  }

  /** Queues {@code task} at {@code at}: background if the work queuing it is. */
  void schedule(long at, Runnable task) {
    schedule(at, inBackground, task);
  }

  /** Queues a test's input at {@code at}: foreground, whatever is running. */
  void scheduleForeground(long at, Runnable task) {
    schedule(at, false, task);
  }

  private void schedule(long at, boolean background, Runnable task) {
    if (!background) {
      foreground++;
    }
    loop.at(at, () -> {
      if (!background) {
        foreground--;
      }
      within(background, task);
    });
  }

  /** A core's timer came due: what it causes is background if the timer is. */
  void timerFired(TimerKey key, Runnable task) {
    within(BACKGROUND.contains(key), task);
  }

  private void within(boolean background, Runnable task) {
    boolean was = inBackground;
    inBackground = background;
    try {
      task.run();
    } finally {
      inBackground = was;
    }
  }

  /** Runs every event up to and including {@code time}, then sets the clock to it. */
  void runUntil(long time) {
    loop.runUntil(time);
  }

  /**
   * Runs until no foreground event is queued and {@code timersBusy} says no foreground timer is
   * armed, then finishes the instant it stopped at (a flush that background work queued first
   * may be one that foreground work asked for too).
   */
  void runUntilIdle(BooleanSupplier timersBusy) {
    for (int steps = 0; foreground > 0 || timersBusy.getAsBoolean(); steps++) {
      if (steps == 10_000_000) {
        throw new IllegalStateException("still busy at " + now() + "us: a livelock?");
      }
      if (!loop.runNext()) {
        break;
      }
    }
    loop.runUntil(now());
  }
}
