package dev.replsim.workload;

import java.util.Arrays;

/**
 * A client's writes waiting for their commit, oldest first, with the instant each was sent. The
 * leader commits in LSN order and a client's writes reach it in the order sent, so answers come
 * back oldest first: a ring of primitive pairs serves them without boxing or hashing.
 */
final class IssuedWrites {

  private long[] ids = new long[64];
  private long[] sentAt = new long[64];
  private int head;
  private int size;

  void add(long requestId, long sentAtMicros) {
    if (size == ids.length) {
      grow();
    }
    int i = (head + size) % ids.length;
    ids[i] = requestId;
    sentAt[i] = sentAtMicros;
    size++;
  }

  /**
   * Removes the write {@code requestId} and returns when it was sent, or -1 if it is not waiting.
   * Writes older than it, had any been skipped, are dropped with it.
   */
  long remove(long requestId) {
    while (size > 0) {
      long id = ids[head];
      if (id > requestId) {
        return -1;
      }
      long at = sentAt[head];
      head = (head + 1) % ids.length;
      size--;
      if (id == requestId) {
        return at;
      }
    }
    return -1;
  }

  /** Drops every write sent before {@code cutoffMicros}; returns how many: they timed out. */
  int expireSentBefore(long cutoffMicros) {
    int expired = 0;
    while (size > 0 && sentAt[head] < cutoffMicros) {
      head = (head + 1) % ids.length;
      size--;
      expired++;
    }
    return expired;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] moreIds = new long[ids.length * 2];
    long[] moreSentAt = new long[ids.length * 2];
    for (int i = 0; i < size; i++) {
      moreIds[i] = ids[(head + i) % ids.length];
      moreSentAt[i] = sentAt[(head + i) % ids.length];
    }
    ids = moreIds;
    sentAt = moreSentAt;
    head = 0;
  }

  @Override
  public String toString() {
    return "IssuedWrites" + Arrays.toString(Arrays.copyOf(ids, Math.min(size, 8)));
  }
}
