package dev.replsim.dashboard;

import dev.replsim.sim.FaultControl;
import dev.replsim.sim.virtual.EventLoop;
import dev.replsim.sim.virtual.Pace;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The dashboard's pace for virtual time: the event loop runs no further than
 * {@code anchorVirtual + (wallNow - anchorWall) × speed}, so an hour of simulation takes an hour at
 * 1×; it parks briefly when ahead. Between events it runs the commands the HTTP threads queued
 * (the only way they reach the simulation) and publishes a state every {@link #PUBLISH_EVERY_NANOS}.
 * Paused, it runs only commands; a step runs the events of the next instant that has any. Told to
 * stop, it returns from the current wait at once (the run ends its writes there) and from then on
 * runs unpaced, so the drain and the results take no wall time to speak of.
 */
final class DemoPace implements Pace, DemoDriver {
  /** How long to park when ahead of the wall clock or paused. */
  private static final long PARK_NANOS = 1_000_000;

  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final LongSupplier wallNanos;
  private Runnable publish = () -> {};
  private double speed;
  private boolean paused;
  private int steps;
  private final CompletableFuture<Void> stopSignal = new CompletableFuture<>();
  private boolean stopped;
  private long anchorVirtual = -1;
  private long anchorWall;
  private long publishedAt;
  private boolean published;
  private EventLoop loop;
  /** How late events ran against the wall clock, in wall microseconds: written on the loop thread. */
  private final Histogram lateMicros = new Histogram(3);

  DemoPace(double speed, LongSupplier wallNanos) {
    this.speed = speed;
    this.wallNanos = wallNanos;
  }

  @Override
  public boolean live() {
    return false;
  }

  /** What publishes a state; called on the loop thread. */
  @Override
  public void publishWith(Runnable publish) {
    this.publish = publish;
  }

  /** Commands run on the loop thread, which the writes' start is told on: nothing to do. */
  @Override
  public void started(FaultControl faults) {}

  /** Queues a command for the loop thread (any thread). */
  @Override
  public boolean enqueue(Runnable command) {
    commands.add(command);
    return true;
  }

  @Override
  public Optional<String> control(String action, double value) {
    switch (action) {
      case "pause":
        enqueue(this::pause);
        break;
      case "resume":
        enqueue(this::resume);
        break;
      case "step":
        enqueue(this::step);
        break;
      default: // speed
        enqueue(() -> speed(value));
        break;
    }
    return Optional.empty();
  }

  @Override
  public CompletableFuture<Void> stopSignal() {
    return stopSignal;
  }

  /** The loop publishes as it runs, and stops with the run. */
  @Override
  public void finish() {}

  // ---- on the loop thread ----

  @Override
  public boolean paused() {
    return paused;
  }

  @Override
  public double speed() {
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
      if (stopSignal.isDone()) {
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
        long next = loop.nextAt();
        if (next <= target) { // how late the first event due runs, against the wall clock
          lateMicros.recordValue(Math.max(0, (wall - anchorWall) / 1000 - (long) ((next - anchorVirtual) / speed)));
        }
        loop.runUntil(target);
      } else {
        LockSupport.parkNanos(PARK_NANOS);
      }
    }
  }

  /**
   * How far behind the wall clock the pace fell: for each batch of events it ran, how long after
   * its wall-clock instant the first of them ran (parking between batches included), in wall
   * microseconds. Read once the run is over.
   */
  Histogram lateness() {
    return lateMicros.copy();
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
