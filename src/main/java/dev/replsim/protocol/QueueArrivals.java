package dev.replsim.protocol;

/**
 * When each entry joined a follower's apply queue (became durable), so the {@link Applier} starts
 * an entry no earlier than that, and otherwise the instant the entry before it was due to finish.
 * Entries join in runs ("up to LSN n, at t"); a run is kept until its last entry has started
 * applying, so only the runs still queued are held: a handful, unless the follower falls behind.
 */
final class QueueArrivals {

  private long[] lastLsns = new long[8];
  private long[] atMicros = new long[8];
  private int head;
  private int size;

  /** Entries up to {@code lastLsn} not yet marked joined the queue at {@code at}. */
  void joined(long lastLsn, long at) {
    if (size > 0 && lastLsn <= lastLsns[index(size - 1)]) {
      return;
    }
    if (size == lastLsns.length) {
      grow();
    }
    lastLsns[index(size)] = lastLsn;
    atMicros[index(size)] = at;
    size++;
  }

  /**
   * When the entry {@code lsn} joined the queue; forgets the runs before it, as entries start in
   * LSN order. {@link Long#MIN_VALUE} for an entry never marked.
   */
  long joinedAt(long lsn) {
    while (size > 0 && lastLsns[head] < lsn) {
      head = index(1);
      size--;
    }
    return size == 0 ? Long.MIN_VALUE : atMicros[head];
  }

  /** Entries after {@code lsn} were cut from the log: entries that take their LSNs join anew. */
  void cutAfter(long lsn) {
    while (size > 0) {
      int tail = index(size - 1);
      if (lastLsns[tail] <= lsn) {
        return;
      }
      long before = size > 1 ? lastLsns[index(size - 2)] : Long.MIN_VALUE;
      if (before < lsn) {
        lastLsns[tail] = lsn; // the run still holds the entries up to lsn
        return;
      }
      size--;
    }
  }

  void clear() {
    head = 0;
    size = 0;
  }

  private int index(int offset) {
    return (head + offset) % lastLsns.length;
  }

  private void grow() {
    long[] lsns = new long[lastLsns.length * 2];
    long[] ats = new long[lsns.length];
    for (int i = 0; i < size; i++) {
      lsns[i] = lastLsns[index(i)];
      ats[i] = atMicros[index(i)];
    }
    lastLsns = lsns;
    atMicros = ats;
    head = 0;
  }
}
