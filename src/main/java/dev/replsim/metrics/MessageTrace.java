package dev.replsim.metrics;

import dev.replsim.protocol.Ack;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Heartbeat;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.ResendRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded trace of the messages sent in chosen windows of a run (the first seconds, the seconds
 * around a fault), for the report's message-sequence diagram. A run at 200,000 writes/s sends tens
 * of thousands of messages a second, so the trace keeps at most {@link #LIMIT} messages and
 * counts the rest; outside its windows it costs one comparison per message. Safe to call from
 * every node's thread at once.
 */
public final class MessageTrace {

  /** The most messages a run traces: about 2 MB of memory, and a few MB of {@code messages.csv}. */
  public static final int LIMIT = 20_000;

  /** What the trace keeps of a message: no reference to it, so its entries can be collected. */
  private record Raw(long sentAt, long deliverAt, String from, String to, String type, long firstLsn,
      long lastLsn, int bytes) {}

  private final int limit;
  private final AtomicReferenceArray<Raw> slots;
  private final AtomicInteger next = new AtomicInteger();
  /** Pairs of [from, to) instants in microseconds; replaced whole when a window is added. */
  private volatile long[] windows = new long[0];

  public MessageTrace() {
    this(LIMIT);
  }

  MessageTrace(int limit) {
    this.limit = limit;
    this.slots = new AtomicReferenceArray<>(limit);
  }

  /** Traces every message sent from {@code fromMicros} (inclusive) to {@code toMicros} (exclusive). */
  public synchronized void window(long fromMicros, long toMicros) {
    long[] grown = Arrays.copyOf(windows, windows.length + 2);
    grown[grown.length - 2] = fromMicros;
    grown[grown.length - 1] = toMicros;
    windows = grown;
  }

  /** Whether a message sent at {@code atMicros} falls in a traced window. */
  public boolean wants(long atMicros) {
    long[] w = windows;
    for (int i = 0; i < w.length; i += 2) {
      if (atMicros >= w[i] && atMicros < w[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Keeps the message if there is room.
   *
   * @param deliverAtMicros the sampled delivery instant, or negative if the message was dropped
   * @return false for the first message that found the trace full (so the caller can report it once)
   */
  boolean add(String from, String to, Message message, long sentAtMicros, long deliverAtMicros) {
    int slot = next.getAndIncrement();
    if (slot >= limit) {
      return slot != limit;
    }
    long[] lsns = lsns(message);
    slots.set(slot, new Raw(sentAtMicros, deliverAtMicros, from, to, message.getClass().getSimpleName(),
        lsns[0], lsns[1], message.sizeBytes()));
    return true;
  }

  /** Messages offered beyond the limit. */
  public long missed() {
    return Math.max(0, next.get() - limit);
  }

  /** The traced messages in order of sending, with times in ms since {@code zeroMicros}. */
  public List<TracedMessage> messages(long zeroMicros) {
    int count = Math.min(next.get(), limit);
    List<TracedMessage> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Raw r = slots.get(i);
      if (r == null) {
        continue; // claimed by a sender still writing it: only while the run is going on
      }
      boolean dropped = r.deliverAt() < 0;
      list.add(new TracedMessage(ms(r.sentAt() - zeroMicros), dropped ? Double.NaN : ms(r.deliverAt() - zeroMicros),
          r.from(), r.to(), r.type(), r.firstLsn(), r.lastLsn(), r.bytes(), dropped));
    }
    list.sort(Comparator.comparingDouble(TracedMessage::sentMs));
    return list;
  }

  /**
   * The LSNs a message carries or refers to: an AppendEntries its entries; an Ack its applied
   * position; a Heartbeat the last LSN shipped; a ResendRequest the LSN it asks from.
   */
  static long[] lsns(Message m) {
    long none = TracedMessage.NO_LSN;
    if (m instanceof AppendEntries) {
      AppendEntries a = (AppendEntries) m;
      return new long[] {a.firstLsn(), a.lastLsn()};
    } else if (m instanceof Ack) {
      return new long[] {none, ((Ack) m).appliedLsn()};
    } else if (m instanceof Heartbeat) {
      return new long[] {none, ((Heartbeat) m).lastShippedLsn()};
    } else if (m instanceof ResendRequest) {
      return new long[] {((ResendRequest) m).fromLsn(), none};
    }
    return new long[] {none, none};
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
