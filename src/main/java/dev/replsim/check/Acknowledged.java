package dev.replsim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of acknowledged writes to one key, indexed by when they were acknowledged, to answer
 * "which is the newest version acknowledged before time t?" in logarithmic time. The stale-read,
 * read-your-writes and t-visibility checks all ask it, of every write to a key or of one client's.
 */
final class Acknowledged {

  private final List<Operation> byComplete;
  private final long[] completes;
  /** newest[i]: the write with the highest LSN among byComplete[0..i]. */
  private final Operation[] newest;

  /** The OK, placed writes among {@code operations}. */
  Acknowledged(List<Operation> operations) {
    byComplete = new ArrayList<>();
    for (Operation op : operations) {
      if (op.placed() && op.ok()) {
        byComplete.add(op);
      }
    }
    byComplete.sort(Comparator.comparingLong(Operation::completeMicros));
    completes = byComplete.stream().mapToLong(Operation::completeMicros).toArray();
    newest = new Operation[byComplete.size()];
    for (int i = 0; i < newest.length; i++) {
      Operation op = byComplete.get(i);
      newest[i] = i > 0 && newest[i - 1].lsn() > op.lsn() ? newest[i - 1] : op;
    }
  }

  /** The newest version (highest LSN) acknowledged strictly before {@code micros}, or null. */
  Operation newestBefore(long micros) {
    int n = countBefore(micros);
    return n == 0 ? null : newest[n - 1];
  }

  /** How many writes were acknowledged strictly before {@code micros}. */
  private int countBefore(long micros) {
    int lo = 0;
    int hi = completes.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (completes[mid] < micros) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
