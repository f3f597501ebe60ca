package dev.replsim.sim.virtual;

import dev.replsim.clock.Clock;
import dev.replsim.clock.Scheduler;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The virtual driver's clock and scheduler: a queue of events in virtual microseconds, run one
 * at a time on the caller's thread. Time stands still while an event runs and jumps to the next
 * event's instant, so a message is delivered exactly at its sampled instant and a busy resource
 * is busy exactly its sampled time. Events at the same instant run in the order they were set, so
 * a run depends on its inputs alone.
 *
 * <p>Most events are set for the very instant they are set at (a request handed to a node, an
 * answer to a client, a flush): those wait in a plain queue beside the priority queue, which is
 * only for later instants, and the two are merged in (instant, order set) order.
 */
public final class EventLoop implements Scheduler, Clock {

  /** An event set for an instant; cancelled events stay queued and are skipped. */
  private static final class Event implements Timer, Comparable<Event> {
    private final long at;
    private final long seq;
    private final Runnable task;
    private boolean cancelled;

    private Event(long at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /**
   * How many events may run at one instant before the run is declared stuck: a cycle that takes no
   * time (a closed-loop client whose writes commit at once) would otherwise never let time pass.
   */
  static final long MAX_EVENTS_AT_ONE_INSTANT = 20_000_000;

  private final long maxEventsAtOneInstant;
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  /** Events set for the current instant while it is current, in the order set. */
  private final ArrayDeque<Event> atNow = new ArrayDeque<>();
  private long now;
  private long seq;
  private long events;
  private long eventsAtNow;

  public EventLoop() {
    this(MAX_EVENTS_AT_ONE_INSTANT);
  }

  /** A loop that declares a run stuck after {@code maxEventsAtOneInstant} events at one instant. */
  EventLoop(long maxEventsAtOneInstant) {
    this.maxEventsAtOneInstant = maxEventsAtOneInstant;
  }

  @Override
  public Clock clock() {
    return this;
  }

  @Override
  public long nowMicros() {
    return now;
  }

  /** Sets {@code task} for {@code atMicros}; an instant already past means now. */
  @Override
  public Timer at(long atMicros, Runnable task) {
    Event e = new Event(Math.max(atMicros, now), seq++, task);
    if (e.at == now) {
      atNow.add(e);
    } else {
      queue.add(e);
    }
    return e;
  }

  /** Runs every event due up to {@code untilMicros}, then moves the clock there. */
  public void runUntil(long untilMicros) {
    while (nextAt() <= untilMicros) {
      runNext();
    }
    now = Math.max(now, untilMicros);
  }

  /** The next event in (instant, order set) order, removed from its queue; null when none is left. */
  private Event poll() {
    Event later = queue.peek();
    Event current = atNow.peek();
    if (current == null) {
      return queue.poll();
    }
    return later != null && later.compareTo(current) < 0 ? queue.poll() : atNow.poll();
  }

  /** Runs the next event, if any; returns whether there was one. */
  public boolean runNext() {
    Event e = poll();
    if (e == null) {
      return false;
    }
    if (!e.cancelled) {
      if (e.at != now) {
        now = e.at;
        eventsAtNow = 0;
      } else if (++eventsAtNow > maxEventsAtOneInstant) {
        throw new IllegalStateException(String.format("virtual time stands still at %.3f s: %,d events ran at"
            + " that one instant, a cycle that takes no time (e.g. a closed-loop client, write-rate ="
            + " unlimited, whose writes commit at once); give the workload a write-rate, or run it live",
            now / 1e6, maxEventsAtOneInstant));
      }
      events++;
      e.task.run();
    }
    return true;
  }

  /** The instant of the next event, or {@code Long.MAX_VALUE} when none is queued. */
  public long nextAt() {
    if (!atNow.isEmpty()) {
      return now;
    }
    Event e = queue.peek();
    return e == null ? Long.MAX_VALUE : e.at;
  }

  /** How many events ran so far. */
  public long events() {
    return events;
  }
}
