package dev.replsim.node;

import dev.replsim.clock.PreciseTimer;
import dev.replsim.protocol.TimerKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol core's timers for one node, on the precise timer: one pending timer per key, and
 * a generation per key so a timer that was replaced or cancelled after it fired is ignored.
 */
final class CoreTimers {

  private final PreciseTimer timer;
  private final ActorRef<ReplicaNode.Command> node;
  private final Map<TimerKey, ScheduledFuture<?>> pending = new EnumMap<>(TimerKey.class);
  private final Map<TimerKey, Long> generations = new EnumMap<>(TimerKey.class);

  CoreTimers(PreciseTimer timer, ActorRef<ReplicaNode.Command> node) {
    this.timer = timer;
    this.node = node;
  }

  /** Sets the timer {@code key} to fire at {@code atMicros}, or cancels it when that is null. */
  void set(TimerKey key, Long atMicros) {
    ScheduledFuture<?> old = pending.remove(key);
    if (old != null) {
      old.cancel(false);
    }
    long generation = generations.merge(key, 1L, Long::sum);
    if (atMicros != null) {
      ReplicaNode.TimerFired fired = new ReplicaNode.TimerFired(key, generation);
      pending.put(key, timer.at(atMicros, () -> node.tell(fired)));
    }
  }

  boolean isCurrent(ReplicaNode.TimerFired fired) {
    boolean current = generations.getOrDefault(fired.key(), 0L) == fired.generation();
    if (current) {
      pending.remove(fired.key());
    }
    return current;
  }
}
