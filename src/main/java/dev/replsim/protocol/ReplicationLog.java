package dev.replsim.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory tail of a node's log: consecutive entries from {@link #firstLsn()} to
 * {@link #lastLsn()}, in a ring buffer that grows as needed. Entries every follower has received
 * (on the leader) or that are applied (on a follower) are dropped with {@link #truncatePrefix},
 * so memory follows the replication lag, not the length of the run.
 */
public final class ReplicationLog {

  private Entry[] ring = new Entry[1024];
  private int head;
  private int size;
  private long firstLsn = 1;

  /** An empty log whose last LSN is {@code lastLsn}: the next entry appended is {@code lastLsn + 1}. */
  public static ReplicationLog after(long lastLsn) {
    ReplicationLog log = new ReplicationLog();
    log.firstLsn = lastLsn + 1;
    return log;
  }

  /** The LSN of the oldest entry held; {@code lastLsn() + 1} when none is held. */
  public long firstLsn() {
    return firstLsn;
  }

  /** The LSN of the newest entry ever appended; 0 before the first. */
  public long lastLsn() {
    return firstLsn + size - 1;
  }

  public int size() {
    return size;
  }

  /** Appends the entry that directly follows {@link #lastLsn()}. */
  public void append(Entry entry) {
    if (entry.lsn() != lastLsn() + 1) {
      throw new IllegalArgumentException(
          "LSN " + entry.lsn() + " does not follow the last LSN " + lastLsn());
    }
    if (size == ring.length) {
      grow();
    }
    ring[(head + size) % ring.length] = entry;
    size++;
  }

  /** The held entry with this LSN. */
  public Entry get(long lsn) {
    if (lsn < firstLsn || lsn > lastLsn()) {
      throw new IndexOutOfBoundsException(
          "LSN " + lsn + " not held (holding " + firstLsn + ".." + lastLsn() + ")");
    }
    return ring[(int) ((head + (lsn - firstLsn)) % ring.length)];
  }

  /** Up to {@code max} consecutive entries starting at {@code fromLsn}. */
  public List<Entry> slice(long fromLsn, int max) {
    long to = Math.min(lastLsn(), fromLsn + max - 1);
    List<Entry> out = new ArrayList<>((int) Math.max(0, to - fromLsn + 1));
    for (long lsn = fromLsn; lsn <= to; lsn++) {
      out.add(get(lsn));
    }
    return out;
  }

  /** Drops every held entry up to and including {@code upToLsn}; the LSN sequence continues. */
  public void truncatePrefix(long upToLsn) {
    long drop = Math.min(upToLsn, lastLsn()) - firstLsn + 1;
    for (long i = 0; i < drop; i++) {
      ring[head] = null;
      head = (head + 1) % ring.length;
    }
    if (drop > 0) {
      size -= (int) drop;
      firstLsn += drop;
    }
  }

  /**
   * Drops every entry after {@code lsn}: entries of a deposed leader that the new leader's log does
   * not have. Only entries still held can go.
   */
  public void truncateSuffix(long lsn) {
    if (lsn < firstLsn - 1) {
      throw new IllegalArgumentException("cannot cut the log back to " + lsn + ": it holds from " + firstLsn);
    }
    while (size > 0 && lastLsn() > lsn) {
      ring[(head + size - 1) % ring.length] = null;
      size--;
    }
  }

  private void grow() {
    Entry[] bigger = new Entry[ring.length * 2];
    for (int i = 0; i < size; i++) {
      bigger[i] = ring[(head + i) % ring.length];
    }
    ring = bigger;
    head = 0;
  }
}
