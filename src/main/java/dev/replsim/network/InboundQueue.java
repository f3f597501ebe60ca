package dev.replsim.network;

import java.util.PriorityQueue;

/**
 * The messages that have reached a node's host but whose emulated delivery instant has not come
 * yet. Messages leave in order of delivery instant, ties in order of arrival, so a FIFO link stays
 * FIFO even when a timer fires late.
 *
 * @param <T> the message type
 */
public final class InboundQueue<T> {

  private record Held<T>(long deliverAt, long seq, T message) {}

  private final PriorityQueue<Held<T>> held = new PriorityQueue<>((a, b) -> {
    int c = Long.compare(a.deliverAt, b.deliverAt);
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  });
  private long seq;

  public void offer(long deliverAtMicros, T message) {
    held.add(new Held<>(deliverAtMicros, seq++, message));
  }

  /** Whether the earliest held message is due at {@code nowMicros}. */
  public boolean hasDue(long nowMicros) {
    Held<T> head = held.peek();
    return head != null && head.deliverAt <= nowMicros;
  }

  /** The delivery instant of the earliest held message, or {@link Long#MAX_VALUE} if none. */
  public long nextDeliveryAt() {
    Held<T> head = held.peek();
    return head == null ? Long.MAX_VALUE : head.deliverAt;
  }

  /** Removes and returns the earliest held message; only call when {@link #hasDue} says so. */
  public T poll() {
    return held.poll().message;
  }

  public int size() {
    return held.size();
  }
}
