package dev.replsim.dashboard;

import dev.replsim.sim.virtual.EventLoop;
import dev.replsim.sim.virtual.Pace;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The dashboard's pace for virtual time: the event loop runs no further than
 * {@code anchorVirtual + (wallNow - anchorWall) × speed}, so an hour of simulation takes an hour at
 * 1×; it parks briefly when ahead. Between events it runs the commands the HTTP threads queued
 * (the only way they reach the simulation) and publishes a state every {@link #PUBLISH_EVERY_NANOS}.
 * Paused, it runs only commands; a step runs the events of the next instant that has any. Told to
 * stop, it returns from the current wait at once (the run ends its writes there) and from then on
 * runs unpaced, so the drain and the results take no wall time to speak of.
 */
final class DemoPace implements Pace {

  /** How often a state is published, in wall-clock nanoseconds. */
  static final long PUBLISH_EVERY_NANOS = 200_000_000;
  /** How long to park when ahead of the wall clock or paused. */
  private static final long PARK_NANOS = 1_000_000;

  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final LongSupplier wallNanos;
  private Runnable publish = () -> {};
  private double speed;
  private boolean paused;
  private int steps;
  private volatile boolean stopRequested;
  private boolean stopped;
  private long anchorVirtual = -1;
  private long anchorWall;
  private long publishedAt;
  private boolean published;
  private EventLoop loop;

  DemoPace(double speed, LongSupplier wallNanos) {
    this.speed = speed;
    this.wallNanos = wallNanos;
  }

  /** What publishes a state; called on the loop thread. */
  void publishWith(Runnable publish) {
    this.publish = publish;
  }

  /** Queues a command for the loop thread (any thread). */
  void enqueue(Runnable command) {
    commands.add(command);
  }

  /** Ends the writes at the next chance (any thread: the page's stop, Ctrl-C). */
  void requestStop() {
    stopRequested = true;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  // ---- on the loop thread ----

  boolean paused() {
    return paused;
  }

  double speed() {
    return speed;
  }

  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    anchor();
  }

  /** A step only means something while paused: running, there is nothing to step. */
  void step() {
    if (paused) {
      steps++;
    }
  }

  void speed(double speed) {
    this.speed = speed;
    anchor();
  }

  private void anchor() {
    anchorVirtual = loop == null ? -1 : loop.nowMicros();
    anchorWall = wallNanos.getAsLong();
  }

  @Override
  public void advance(EventLoop loop, long untilMicros) {
    this.loop = loop;
    if (stopped) {
      loop.runUntil(untilMicros);
      return;
    }
    if (anchorVirtual < 0) {
      anchor();
    }
    while (loop.nowMicros() < untilMicros) {
      boolean ran = runCommands();
      if (stopRequested) {
        stopped = true;
        publish.run();
        return;
      }
      long wall = wallNanos.getAsLong();
      if (ran || !published || wall - publishedAt >= PUBLISH_EVERY_NANOS) {
        published = true;
        publishedAt = wall;
        publish.run();
      }
      if (paused) {
        if (steps > 0) {
          steps--;
          // what is due at this very instant first (a command may have queued it), so that the
          // step itself always moves time on to the next instant that has events
          loop.runUntil(loop.nowMicros());
          loop.runUntil(Math.min(untilMicros, loop.nextAt()));
          publish.run();
        } else {
          LockSupport.parkNanos(PARK_NANOS);
        }
        continue;
      }
      long due = anchorVirtual + (long) ((wall - anchorWall) / 1000.0 * speed);
      long target = Math.min(untilMicros, due);
      if (target > loop.nowMicros()) {
        loop.runUntil(target);
      } else {
        LockSupport.parkNanos(PARK_NANOS);
      }
    }
  }

  /** Runs the queued commands; returns whether there were any. */
  private boolean runCommands() {
    boolean ran = false;
    for (Runnable c = commands.poll(); c != null; c = commands.poll()) {
      c.run();
      ran = true;
    }
    return ran;
  }
}
