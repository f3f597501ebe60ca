package dev.replsim.clock;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread of a live run that runs its nodes' and clients' actors and every timer they set:
 * a real-time event loop. Each node's and the clients' ActorSystem runs its actors here (as its
 * default executor), so a timer that comes due hands its message to an actor's mailbox and the
 * actor runs right after, on the same thread: no thread has to be woken for either, and on a
 * loaded two-core virtual machine a wake-up is what costs most (measured here: a parked thread
 * woke 0.6 ms late at p90 and 2.5 ms at p99). Pekko's own machinery (Artery, cluster gossip)
 * keeps its dispatchers.
 *
 * <p>When nothing is ready, the loop spins if the next timer is at most {@link #SPIN_MICROS} away
 * and parks until shortly before it otherwise: spinning costs a core only while the run is busy,
 * which is when precision pays. Timers run at their instant or after it, never before, in order
 * of instant (ties in the order they were set). Tasks from other threads are welcome at any time;
 * after {@link #close()} they run on the common pool, so ActorSystems still shutting down finish.
 */
public final class RunLoop implements Scheduler, Executor, AutoCloseable {

  /** How close the next timer must be for the loop to spin rather than park. */
  static final long SPIN_MICROS = 200;
  /** Ready tasks run between two looks at the timers, so a burst cannot hold a due timer back long. */
  private static final int BATCH = 64;

  /** A timer set on the loop; {@link #cancel()} stops it from running if it has not yet. */
  public static final class Timer implements Scheduler.Timer, Comparable<Timer> {
    private final long atMicros;
    private final Runnable task;
    private long seq;
    private volatile boolean cancelled;

    private Timer(long atMicros, Runnable task) {
      this.atMicros = atMicros;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(atMicros, o.atMicros);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final RunClock clock;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> ready = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Timer> incoming = new ConcurrentLinkedQueue<>();
  /** Timers by instant; touched by the loop thread only. */
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long seq;
  private volatile boolean parked;
  private volatile boolean closed;

  public RunLoop(RunClock clock) {
    this.clock = clock;
    this.thread = new Thread(this::loop, "replsim-loop");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
  }

  @Override
  public RunClock clock() {
    return clock;
  }

  /** Runs {@code task} on the loop at {@code atMicros} on the run clock, or as soon as it can if that has passed. */
  @Override
  public Timer at(long atMicros, Runnable task) {
    Timer t = new Timer(atMicros, task);
    if (Thread.currentThread() == thread) {
      schedule(t);
    } else {
      incoming.add(t);
      wake();
    }
    return t;
  }

  /** Blocks the calling thread (never the loop's) until the run clock reaches {@code atMicros}. */
  public void awaitInstant(long atMicros) throws InterruptedException {
    CountDownLatch reached = new CountDownLatch(1);
    at(atMicros, reached::countDown);
    reached.await();
  }

  /**
   * As {@link #awaitInstant(long)}, but returns as soon as {@code orStop} completes, if that comes
   * first (the caller reads the clock to see which): a live run told to stop early.
   */
  public void awaitInstant(long atMicros, CompletionStage<?> orStop) throws InterruptedException {
    CountDownLatch reached = new CountDownLatch(1);
    Timer timer = at(atMicros, reached::countDown);
    orStop.thenRun(reached::countDown);
    try {
      reached.await();
    } finally {
      timer.cancel();
    }
  }

  /** Runs {@code task} on the loop as soon as it can: an actor's mailbox, or any short task. */
  @Override
  public void execute(Runnable task) {
    ready.add(task);
    if (closed) {
      handOver();
    } else {
      wake();
    }
  }

  /** After close: what is ready runs on the common pool. */
  private void handOver() {
    for (Runnable r; (r = ready.poll()) != null; ) {
      ForkJoinPool.commonPool().execute(r);
    }
  }

  private void wake() {
    if (parked) {
      LockSupport.unpark(thread);
    }
  }

  private void schedule(Timer t) {
    t.seq = seq++;
    timers.add(t);
  }

  private void loop() {
    while (!closed) {
      for (Timer t; (t = incoming.poll()) != null; ) {
        schedule(t);
      }
      long now = clock.nowMicros();
      for (Timer t; (t = timers.peek()) != null && t.atMicros <= now; ) {
        timers.poll();
        if (!t.cancelled) {
          run(t.task);
        }
      }
      int ran = 0;
      for (Runnable r; ran < BATCH && (r = ready.poll()) != null; ran++) {
        run(r);
      }
      if (ran == 0 && incoming.isEmpty()) {
        idle();
      }
    }
    handOver();
  }

  /** Nothing to run now: spin if the next timer is near, else park until just before it. */
  private void idle() {
    Timer next = timers.peek();
    long wait = next == null ? Long.MAX_VALUE : next.atMicros - clock.nowMicros();
    if (wait <= SPIN_MICROS) {
      Thread.onSpinWait();
      return;
    }
    parked = true;
    if (ready.isEmpty() && incoming.isEmpty() && !closed) {
      if (next == null) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, (wait - SPIN_MICROS) * 1000);
      }
    }
    parked = false;
  }

  /** A failing task must not stop the loop. */
  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }

  /** Stops the loop; tasks handed to it from now on run on the common pool, timers not at all. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
