package dev.replsim.workload;

import dev.replsim.storage.Statement;

/**
 * A client's writes waiting for their commit, oldest first, with the instant each was first sent
 * and its statement (for the history and for sending it again). Request ids rise with the send
 * order, so a ring of primitive pairs finds a write by binary search, without boxing or hashing.
 * Answers mostly come back oldest first; after a failover a write sent again to the new leader
 * may commit after newer ones, so a write answered out of order leaves a hole that is skipped.
 */
final class IssuedWrites {

  /** Told of each write that ends unanswered. */
  @FunctionalInterface
  interface Unanswered {
    void ended(long sentAtMicros, Statement statement);
  }

  /** Marks a slot whose write was answered while older writes still wait. */
  private static final long ANSWERED = -1;

  private long[] ids = new long[64];
  private long[] sentAt = new long[64];
  private Statement[] statements = new Statement[64];
  private int head;
  /** Slots in use, holes included. */
  private int slots;
  /** Writes waiting: slots that are not holes. */
  private int waiting;
  private Statement removed;

  void add(long requestId, long sentAtMicros, Statement statement) {
    if (slots == ids.length) {
      grow();
    }
    int i = (head + slots) % ids.length;
    ids[i] = requestId;
    sentAt[i] = sentAtMicros;
    statements[i] = statement;
    slots++;
    waiting++;
  }

  void add(long requestId, long sentAtMicros) {
    add(requestId, sentAtMicros, null);
  }

  /** Removes the write {@code requestId} and returns when it was first sent, or -1 if it is not waiting. */
  long remove(long requestId) {
    int i = find(requestId);
    if (i < 0) {
      return -1;
    }
    long at = sentAt[i];
    removed = statements[i];
    sentAt[i] = ANSWERED;
    statements[i] = null;
    waiting--;
    while (slots > 0 && sentAt[head] == ANSWERED) {
      pop();
    }
    return at;
  }

  /** The statement of the write {@link #remove} last returned. */
  Statement removedStatement() {
    return removed;
  }

  /** The statement of a waiting write, to send it again; null if it is not waiting. */
  Statement statement(long requestId) {
    int i = find(requestId);
    return i < 0 ? null : statements[i];
  }

  /** Drops every write sent before {@code cutoffMicros}; returns how many: they timed out. */
  int expireSentBefore(long cutoffMicros) {
    return expireSentBefore(cutoffMicros, (at, statement) -> { });
  }

  /** Drops every write sent before {@code cutoffMicros}, telling {@code unanswered} of each; returns how many. */
  int expireSentBefore(long cutoffMicros, Unanswered unanswered) {
    int expired = 0;
    while (slots > 0 && sentAt[head] < cutoffMicros) {
      if (sentAt[head] != ANSWERED) {
        unanswered.ended(sentAt[head], statements[head]);
        waiting--;
        expired++;
      }
      pop();
    }
    return expired;
  }

  /** Writes waiting for an answer. */
  int size() {
    return waiting;
  }

  private void pop() {
    statements[head] = null;
    head = (head + 1) % ids.length;
    slots--;
  }

  /** The ring index of a waiting write, by binary search over the rising ids; -1 if none. */
  private int find(long requestId) {
    int lo = 0;
    int hi = slots - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int i = (head + mid) % ids.length;
      if (ids[i] < requestId) {
        lo = mid + 1;
      } else if (ids[i] > requestId) {
        hi = mid - 1;
      } else {
        return sentAt[i] == ANSWERED ? -1 : i;
      }
    }
    return -1;
  }

  private void grow() {
    long[] moreIds = new long[ids.length * 2];
    long[] moreSentAt = new long[ids.length * 2];
    Statement[] moreStatements = new Statement[ids.length * 2];
    for (int i = 0; i < slots; i++) {
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
    return "IssuedWrites[" + waiting + " waiting]";
  }
}
