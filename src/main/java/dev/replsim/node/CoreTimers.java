package dev.replsim.node;

import dev.replsim.clock.Scheduler;
import dev.replsim.protocol.TimerKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The protocol core's timers for one node, on the run's scheduler: one pending timer per key, and
 * a generation per key so a timer that was replaced or cancelled after it fired is ignored. Each
 * firing carries the instant it was due on the node's clock, which the core chains on.
 */
final class CoreTimers {

  private record Armed(long dueLocal, long generation, Scheduler.Timer timer) {}

  private final Scheduler timer;
  private final Consumer<TimerFired> node;
  /** Timers set and not yet handled (pending, or fired with their message on its way). */
  private final Map<TimerKey, Armed> armed = new EnumMap<>(TimerKey.class);
  private final Map<TimerKey, Long> generations = new EnumMap<>(TimerKey.class);

  /** @param node takes each firing into the node's context: the actor's mailbox, or straight to the runtime */
  CoreTimers(Scheduler timer, Consumer<TimerFired> node) {
    this.timer = timer;
    this.node = node;
  }

  /** Sets the timer {@code key} to fire at {@code dueLocal} on the node's clock, or cancels it when that is null. */
  void set(TimerKey key, Long dueLocal) {
    Armed old = armed.remove(key);
    if (old != null) {
      old.timer().cancel();
    }
    long generation = generations.merge(key, 1L, Long::sum);
    if (dueLocal != null) {
      TimerFired fired = new TimerFired(key, generation, dueLocal);
      armed.put(key, new Armed(dueLocal, generation, timer.at(dueLocal, () -> node.accept(fired))));
    }
  }

  /** When the timer {@code key} is due on the node's clock, or null when it is not armed. */
  Long dueLocal(TimerKey key) {
    Armed a = armed.get(key);
    return a == null ? null : a.dueLocal();
  }

  /** Whether this firing is the timer's latest setting; if so, the timer is no longer armed. */
  boolean isCurrent(TimerFired fired) {
    Armed a = armed.get(fired.key());
    boolean current = a != null && a.generation() == fired.generation();
    if (current) {
      armed.remove(fired.key());
    }
    return current;
  }

  /**
   * The node was paused for {@code pauseMicros}: the work it was doing (an entry's apply) is that
   * much further from done, so each timer that ends work is moved on by the pause, whether it was
   * still pending or fired while the node was paused.
   */
  void paused(long pauseMicros) {
    for (TimerKey key : TimerKey.values()) {
      Armed a = armed.get(key);
      if (key.endsWork() && a != null) {
        set(key, a.dueLocal() + pauseMicros);
      }
    }
  }
}
