package dev.replsim.metrics;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stale reads counted as they happen, for the classroom dashboard: a read is stale when the value
 * it returned is older than the newest write to its key acknowledged before the read was invoked,
 * the rule {@code summary.json}'s stale reads follow (see {@code check.StaleReads}), judged here
 * against each key's latest {@link #WINDOW} acknowledged writes rather than the whole history. A
 * read whose value is not among them is not judged (a value that old would be stale; a value not
 * yet acknowledged is not), so the count can fall short of the history's, never exceed it. Safe
 * from every client's thread at once.
 */
public final class StaleReadMeter {

  /** How many acknowledged writes per key it remembers. */
  static final int WINDOW = 64;

  private record Ack(String value, long lsn, long completeMicros) {}

  private final Map<String, ArrayDeque<Ack>> acks = new HashMap<>();
  private final AtomicLong judged = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();

  /** A write to {@code key} was acknowledged at {@code completeMicros}, committed at run-wide {@code lsn}. */
  public synchronized void acknowledged(String key, String value, long lsn, long completeMicros) {
    ArrayDeque<Ack> q = acks.computeIfAbsent(key, k -> new ArrayDeque<>());
    q.addLast(new Ack(value, lsn, completeMicros));
    if (q.size() > WINDOW) {
      q.removeFirst();
    }
  }

  /** A read of {@code key} invoked at {@code invokeMicros} returned {@code value} (null: absent). */
  public void read(String key, String value, long invokeMicros) {
    Boolean isStale = judge(key, value, invokeMicros);
    if (isStale != null) {
      judged.incrementAndGet();
      if (isStale) {
        stale.incrementAndGet();
      }
    }
  }

  private synchronized Boolean judge(String key, String value, long invokeMicros) {
    ArrayDeque<Ack> q = acks.get(key);
    long newest = 0;
    long seen = value == null ? 0 : -1;
    if (q != null) {
      for (Iterator<Ack> it = q.iterator(); it.hasNext(); ) {
        Ack a = it.next();
        if (a.completeMicros() < invokeMicros) {
          newest = Math.max(newest, a.lsn());
        }
        if (a.value().equals(value)) {
          seen = a.lsn();
        }
      }
    }
    if (seen < 0) {
      return null; // older than what is remembered, or not acknowledged yet: not judged
    }
    return seen < newest;
  }

  /** Reads judged so far. */
  public long judged() {
    return judged.get();
  }

  /** Stale reads so far. */
  public long stale() {
    return stale.get();
  }
}
