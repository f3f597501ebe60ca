package dev.replsim.check;

import java.util.Arrays;

/**
 * Searches for a linearization of one register's history: Wing and Gong's algorithm with Lowe's
 * memoization of visited states, as in Knossos and Porcupine. Operations' invokes and completes
 * are kept in one time-ordered doubly linked list. The operations that may take effect next are
 * those invoked before the first pending complete; the search linearizes one the register allows
 * (a write always, a read only if it returns the current value), lifts it out of the list, and
 * goes on; when none is left to try, it undoes its last choice and tries the next. It succeeds
 * when the list is empty and fails when there is nothing left to undo.
 *
 * <p>Three things keep registers cheap: a read that may take effect is taken at once, never as a
 * choice ({@link #allowedRead}); writes are tried earliest deadline first
 * ({@link RegisterHistory#rank}); a write is never taken while reads of the current value are
 * pending ({@link #linearize}), which ends a wrong guess at once; and values no read returned are
 * one value ({@link RegisterHistory#unread}), so orders of unread writes are one state.
 */
final class RegisterSearch {

  /** What the search concluded, and how many steps it took. */
  record Result(LinearizabilityResult.Verdict verdict, long steps) {}

  private final RegisterHistory history;
  private final int n;
  private final int head;
  private final int[] next;
  private final int[] prev;
  private final long[] zobrist;

  /** The search's state: the register's value, the linearized set and the stack of choices. */
  private final VisitedStates visited = new VisitedStates();
  private final long[] linearized;
  private long setHash;
  private final int[] stackEntry;
  private final int[] stackValue;
  private int depth;
  private int value;
  /** Per value, the reads of it not linearized yet. */
  private final int[] pendingReads;

  /** In place of a rank: a node just reached, where an allowed read is looked for first. */
  private static final int FRESH = -2;
  private static final int NONE = -3;

  private RegisterSearch(RegisterHistory history) {
    this.history = history;
    this.n = history.size();
    this.head = 2 * n; // entry 2i invokes operation i, entry 2i + 1 completes it
    this.next = new int[2 * n + 1];
    this.prev = new int[2 * n + 1];
    this.zobrist = new long[n];
    this.linearized = new long[(n + 63) / 64];
    this.stackEntry = new int[n];
    this.stackValue = new int[n];
    this.pendingReads = new int[n + 2];
    for (int i = 0; i < n; i++) {
      if (!history.isWrite[i] && history.value[i] >= 0) {
        pendingReads[history.value[i]]++;
      }
    }
    for (int i = 0; i < n; i++) {
      zobrist[i] = VisitedStates.mix(0x9e3779b97f4a7c15L * (i + 1));
    }
    Integer[] entries = new Integer[2 * n];
    for (int e = 0; e < 2 * n; e++) {
      entries[e] = e;
    }
    // by time; at equal times invokes first, so operations that touch in time count as concurrent
    Arrays.sort(entries, (a, b) -> {
      int byTime = Long.compare(time(a), time(b));
      return byTime != 0 ? byTime : Integer.compare(a & 1, b & 1);
    });
    int last = head;
    for (int e : entries) {
      next[last] = e;
      prev[e] = last;
      last = e;
    }
    next[last] = head;
    prev[head] = last;
  }

  private long time(int entry) {
    int op = entry >> 1;
    return (entry & 1) == 0 ? history.invoke[op] : history.complete[op];
  }

  /** Whether the history is linearizable, giving up after {@code budget} steps. */
  static Result run(RegisterHistory history, long budget) {
    if (history.unjustifiedRead != null) {
      return new Result(LinearizabilityResult.Verdict.NOT_LINEARIZABLE, 0);
    }
    return new RegisterSearch(history).search(budget);
  }

  private Result search(long budget) {
    long steps = 0;
    int after = FRESH;
    while (next[head] != head) {
      if (++steps > budget) {
        return new Result(LinearizabilityResult.Verdict.UNKNOWN, steps);
      }
      if (after == FRESH) {
        int read = allowedRead();
        if (read != NONE) {
          after = linearize(read, true) ? FRESH : backtrack();
          if (after == NONE) {
            return new Result(LinearizabilityResult.Verdict.NOT_LINEARIZABLE, steps);
          }
          continue;
        }
        // reads of the current value are still to come: no write may go next, so no choice can
        after = pendingReads[value] > 0 ? backtrack() : -1;
        if (after == NONE) {
          return new Result(LinearizabilityResult.Verdict.NOT_LINEARIZABLE, steps);
        }
        if (after != -1) {
          continue;
        }
      }
      int write = nextWrite(after);
      if (write == NONE) {
        after = backtrack();
        if (after == NONE) {
          return new Result(LinearizabilityResult.Verdict.NOT_LINEARIZABLE, steps);
        }
      } else {
        after = linearize(write, false) ? FRESH : history.rank[write >> 1];
      }
    }
    return new Result(LinearizabilityResult.Verdict.LINEARIZABLE, steps);
  }

  /**
   * The next write to try: among the writes invoked before every pending complete, the one of
   * lowest {@link RegisterHistory#rank} above {@code after}; {@link #NONE} if there is none.
   */
  private int nextWrite(int after) {
    int best = NONE;
    int bestRank = Integer.MAX_VALUE;
    for (int e = next[head]; (e & 1) == 0; e = next[e]) {
      int op = e >> 1;
      if (history.isWrite[op] && history.rank[op] > after && history.rank[op] < bestRank) {
        best = e;
        bestRank = history.rank[op];
      }
    }
    return best;
  }

  /**
   * A read that may take effect now: invoked before every pending complete, returning the current
   * value. Linearizing it first is never wrong: it leaves the value as it is, and nothing pending
   * has to precede it. So it is forced, not a choice to come back to, and only writes are choices.
   */
  private int allowedRead() {
    for (int e = next[head]; (e & 1) == 0; e = next[e]) {
      int op = e >> 1;
      if (!history.isWrite[op] && history.value[op] == value) {
        return e;
      }
    }
    return NONE;
  }

  /**
   * Linearizes the operation invoked at {@code call}, unless that reaches a visited state or is a
   * write that overwrites a value some read still has to return: values are unique, so an
   * overwritten value never comes back, and that branch is dead.
   */
  private boolean linearize(int call, boolean forced) {
    int op = call >> 1;
    boolean write = history.isWrite[op];
    if (write && pendingReads[value] > 0) {
      return false;
    }
    int after = write ? history.value[op] : value;
    linearized[op >> 6] |= 1L << op;
    if (!visited.add(linearized, setHash ^ zobrist[op], after)) {
      linearized[op >> 6] &= ~(1L << op);
      return false;
    }
    setHash ^= zobrist[op];
    stackEntry[depth] = forced ? -call - 1 : call;
    stackValue[depth++] = value;
    value = after;
    if (!write) {
      pendingReads[after]--;
    }
    lift(call);
    return true;
  }

  /**
   * Undoes choices back to the last write that was a choice, and returns its rank, above which the
   * search for another choice goes on; {@link #NONE} when there is nothing left to undo.
   */
  private int backtrack() {
    while (depth > 0) {
      int pushed = stackEntry[--depth];
      boolean forced = pushed < 0;
      int call = forced ? -pushed - 1 : pushed;
      int op = call >> 1;
      value = stackValue[depth];
      if (!history.isWrite[op]) {
        pendingReads[value]++;
      }
      linearized[op >> 6] &= ~(1L << op);
      setHash ^= zobrist[op];
      unlift(call);
      if (!forced) {
        return history.rank[op];
      }
    }
    return NONE;
  }

  /** Takes an operation's invoke and complete out of the list. */
  private void lift(int call) {
    remove(call);
    remove(call + 1);
  }

  /** Puts them back, in the reverse order (dancing links). */
  private void unlift(int call) {
    restore(call + 1);
    restore(call);
  }

  private void remove(int e) {
    next[prev[e]] = next[e];
    prev[next[e]] = prev[e];
  }

  private void restore(int e) {
    next[prev[e]] = e;
    prev[next[e]] = e;
  }
}
