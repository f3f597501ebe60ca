package dev.replsim.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One key's operations as a read-write register, reduced to what a linearization must order, with
 * the interval in which each must take effect:
 *
 * <ul>
 *   <li>an OK write or read takes effect between its invoke and its complete;
 *   <li>a FAILED operation never took effect, and a read that did not complete OK observed
 *       nothing: both are dropped;
 *   <li>an UNKNOWN write may take effect at any time after its invoke, or never. If no read
 *       returned its value, "never" (or "last") is always a valid choice, so it is dropped; if
 *       reads did, it must take effect before the first of them completed, which bounds it.
 * </ul>
 *
 * Values are numbered: 0 is the initial, absent value, {@code i + 1} the value of write {@code i}
 * when some read returned it, and {@link #unread} for every value no read returned: those are all
 * alike to the rest of the search (no read can follow them), so states that differ only in which
 * unread value the register holds are one state. A read of a value no kept write wrote is -1.
 */
final class RegisterHistory {

  final List<Operation> operations = new ArrayList<>();
  final long[] invoke;
  final long[] complete;
  final boolean[] isWrite;
  final int[] value;
  /**
   * The order in which the search tries writes: by deadline, the earliest complete among the
   * write and the reads of its value. A write and its reads must be linearized with no other write
   * between them, so the cluster that must finish first is the best first guess.
   */
  final int[] rank;
  /** The value of every write whose value no read returned: {@code size() + 1}. */
  final int unread;
  /** A read whose value no kept write wrote: no linearization exists. Null if there is none. */
  final Operation unjustifiedRead;

  private RegisterHistory(List<Operation> keyOperations) {
    Map<String, Long> firstReadComplete = new HashMap<>();
    for (Operation op : keyOperations) {
      if (op.isRead() && op.ok() && op.value() != null) {
        firstReadComplete.merge(op.value(), op.completeMicros(), Math::min);
      }
    }
    for (Operation op : keyOperations) {
      boolean keep = op.isRead()
          ? op.ok()
          : op.ok() || (op.outcome() == Operation.Outcome.UNKNOWN && firstReadComplete.containsKey(op.value()));
      if (keep) {
        operations.add(op);
      }
    }
    operations.sort(Comparator.comparingLong(Operation::invokeMicros).thenComparingLong(Operation::id));
    int n = operations.size();
    invoke = new long[n];
    complete = new long[n];
    isWrite = new boolean[n];
    value = new int[n];
    unread = n + 1;
    Map<String, Integer> written = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Operation op = operations.get(i);
      invoke[i] = op.invokeMicros();
      complete[i] = op.completeMicros();
      isWrite[i] = op.isWrite();
      if (op.isWrite()) {
        written.put(op.value(), i + 1);
        value[i] = firstReadComplete.containsKey(op.value()) ? i + 1 : unread;
        if (!op.ok()) {
          complete[i] = Math.max(invoke[i], firstReadComplete.get(op.value()));
        }
      }
    }
    Operation unjustified = null;
    for (int i = 0; i < n; i++) {
      Operation op = operations.get(i);
      if (!op.isWrite()) {
        Integer v = op.value() == null ? Integer.valueOf(0) : written.get(op.value());
        if (v == null && unjustified == null) {
          unjustified = op;
        }
        value[i] = v == null ? -1 : v;
      }
    }
    unjustifiedRead = unjustified;
    rank = new int[n];
    long[] deadline = complete.clone();
    for (int i = 0; i < n; i++) {
      if (!isWrite[i] && value[i] > 0) {
        deadline[value[i] - 1] = Math.min(deadline[value[i] - 1], complete[i]);
      }
    }
    Integer[] writes = java.util.stream.IntStream.range(0, n).filter(i -> isWrite[i]).boxed()
        .toArray(Integer[]::new);
    Arrays.sort(writes, Comparator.<Integer>comparingLong(i -> deadline[i]).thenComparingInt(i -> i));
    for (int r = 0; r < writes.length; r++) {
      rank[writes[r]] = r;
    }
  }

  /** The register history of one key's operations (all on the same key). */
  static RegisterHistory of(List<Operation> keyOperations) {
    return new RegisterHistory(keyOperations);
  }

  int size() {
    return operations.size();
  }
}
