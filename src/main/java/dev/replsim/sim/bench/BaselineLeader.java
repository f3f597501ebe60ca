package dev.replsim.sim.bench;

import dev.replsim.node.CborSerializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The leader of the bare baseline: a closed loop of writes appended to a list and shipped to
 * every follower over Artery, one entry per message or batched up to {@code maxBatch}, counting
 * the writes every follower has acked. It is what replsim's own throughput is compared against.
 */
final class BaselineLeader extends AbstractBehavior<BaselineLeader.Command> {

  /** What the baseline leader accepts. */
  interface Command {}

  /** A follower applied everything up to {@code lsn}. */
  record Acked(String from, long lsn) implements Command, CborSerializable {}

  /** The followers to ship to; starts the closed loop. */
  record Begin(List<ActorRef<BaselineFollower.Command>> followers) implements Command {}

  private enum Flush implements Command { INSTANCE }

  private final int maxBatch;
  private final int window;
  private final AtomicLong replicated;
  private final List<BaselineFollower.Row> unshipped = new ArrayList<>();
  private final Map<String, Long> acked = new HashMap<>();
  private List<ActorRef<BaselineFollower.Command>> followers = List.of();
  private long lastLsn;
  private boolean flushPending;

  static Behavior<Command> create(int maxBatch, int window, AtomicLong replicated) {
    return Behaviors.setup(ctx -> new BaselineLeader(ctx, maxBatch, window, replicated));
  }

  private BaselineLeader(ActorContext<Command> ctx, int maxBatch, int window, AtomicLong replicated) {
    super(ctx);
    this.maxBatch = maxBatch;
    this.window = window;
    this.replicated = replicated;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Begin.class, this::onBegin)
        .onMessage(Acked.class, this::onAcked)
        .onMessageEquals(Flush.INSTANCE, this::onFlush)
        .build();
  }

  private Behavior<Command> onBegin(Begin begin) {
    followers = begin.followers();
    writeUpToWindow();
    return this;
  }

  /** Writes while fewer than {@code window} writes are not yet on every follower. */
  private void writeUpToWindow() {
    while (lastLsn - replicated.get() < window) {
      lastLsn++;
      unshipped.add(new BaselineFollower.Row(lastLsn, "k" + (lastLsn % 1000), "v" + lastLsn));
      if (maxBatch == 1) {
        onFlush();
      }
    }
    if (!unshipped.isEmpty() && !flushPending) {
      flushPending = true;
      getContext().getSelf().tell(Flush.INSTANCE);
    }
  }

  private Behavior<Command> onFlush() {
    flushPending = false;
    for (int from = 0; from < unshipped.size(); from += maxBatch) {
      List<BaselineFollower.Row> batch =
          List.copyOf(unshipped.subList(from, Math.min(unshipped.size(), from + maxBatch)));
      for (ActorRef<BaselineFollower.Command> f : followers) {
        f.tell(new BaselineFollower.Ship(batch, getContext().getSelf()));
      }
    }
    unshipped.clear();
    return this;
  }

  private Behavior<Command> onAcked(Acked msg) {
    acked.put(msg.from(), msg.lsn());
    if (acked.size() == followers.size()) {
      long min = Long.MAX_VALUE;
      for (long lsn : acked.values()) {
        min = Math.min(min, lsn);
      }
      replicated.set(min);
    }
    writeUpToWindow();
    return this;
  }
}
