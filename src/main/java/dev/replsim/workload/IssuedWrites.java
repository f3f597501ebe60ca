package dev.replsim.workload;

import dev.replsim.storage.Statement;
import java.util.Arrays;

/**
 * A client's writes waiting for their commit, oldest first, with the instant each was sent and its
 * statement (for the history). The leader commits in LSN order and a client's writes reach it in
 * the order sent, so answers come back oldest first: a ring of primitive pairs serves them without
 * boxing or hashing.
 */
final class IssuedWrites {

  /** Told of each write that ends unanswered. */
  @FunctionalInterface
  interface Unanswered {
    void ended(long sentAtMicros, Statement statement);
  }

  private long[] ids = new long[64];
  private long[] sentAt = new long[64];
  private Statement[] statements = new Statement[64];
  private int head;
  private int size;
  private Statement removed;

  void add(long requestId, long sentAtMicros, Statement statement) {
    if (size == ids.length) {
      grow();
    }
    int i = (head + size) % ids.length;
    ids[i] = requestId;
    sentAt[i] = sentAtMicros;
    statements[i] = statement;
    size++;
  }

  void add(long requestId, long sentAtMicros) {
    add(requestId, sentAtMicros, null);
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
      removed = statements[head];
      statements[head] = null;
      head = (head + 1) % ids.length;
      size--;
      if (id == requestId) {
        return at;
      }
    }
    return -1;
  }

  /** The statement of the write {@link #remove} last returned. */
  Statement removedStatement() {
    return removed;
  }

  /** Drops every write sent before {@code cutoffMicros}; returns how many: they timed out. */
  int expireSentBefore(long cutoffMicros) {
    return expireSentBefore(cutoffMicros, (at, statement) -> { });
  }

  /** Drops every write sent before {@code cutoffMicros}, telling {@code unanswered} of each; returns how many. */
  int expireSentBefore(long cutoffMicros, Unanswered unanswered) {
    int expired = 0;
    while (size > 0 && sentAt[head] < cutoffMicros) {
      unanswered.ended(sentAt[head], statements[head]);
      statements[head] = null;
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
    Statement[] moreStatements = new Statement[ids.length * 2];
    for (int i = 0; i < size; i++) {
      moreIds[i] = ids[(head + i) % ids.length];
      moreSentAt[i] = sentAt[(head + i) % ids.length];
      moreStatements[i] = statements[(head + i) % ids.length];
    }
    ids = moreIds;
    sentAt = moreSentAt;
    statements = moreStatements;
    head = 0;
  }

  @Override
  public String toString() {
    return "IssuedWrites" + Arrays.toString(Arrays.copyOf(ids, Math.min(size, 8)));
  }
}
