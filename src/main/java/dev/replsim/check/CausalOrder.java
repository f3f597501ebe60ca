package dev.replsim.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The causal order of a history's writes, as far as the history alone can show it. A write
 * {@code A} causally precedes a write {@code B} ({@code A ⇝ B}) when:
 *
 * <ol>
 *   <li><b>session order</b>: the same client issued both, and {@code A} was acknowledged (OK)
 *       before {@code B} was invoked (writes a client pipelines without waiting are concurrent);
 *   <li><b>reads-from</b>: the client of {@code B} completed a read returning {@code A}'s value
 *       before it invoked {@code B} (its write may depend on what it read);
 *   <li><b>transitivity</b>: {@code A ⇝ C} and {@code C ⇝ B}.
 * </ol>
 *
 * <p>Rules 1 and 2 say the same thing: each client has a timeline of the writes it knows of, in
 * the order it learned of them (its own acknowledged writes and the writes its reads returned).
 * The writes that directly precede {@code B} are the items of its client's timeline completed
 * before {@code B} was invoked, always a prefix of that timeline. So a set of writes closed under
 * {@code ⇝} is one prefix length per client, and {@link Knowledge} grows it in time linear in the
 * timelines, not quadratic in the writes.
 */
final class CausalOrder {

  private final History history;
  private final Map<String, Integer> clientIndex = new HashMap<>();
  private final long[][] completes;
  private final Operation[][] learned;
  /** For each learned write: its client, and how much of that client's timeline precedes it. */
  private final int[][] learnedClient;
  private final int[][] learnedPast;

  CausalOrder(History history) {
    this.history = history;
    int clients = history.clients().size();
    completes = new long[clients][];
    learned = new Operation[clients][];
    for (String client : history.clients()) {
      int c = clientIndex.size();
      clientIndex.put(client, c);
      List<Operation[]> items = new ArrayList<>(); // {completion, write learned}
      for (Operation op : history.ofClient(client)) {
        Operation write = !op.ok() ? null : op.isWrite() ? op : history.writeSeenBy(op);
        if (write != null) {
          items.add(new Operation[] {op, write});
        }
      }
      items.sort(Comparator.comparingLong(item -> item[0].completeMicros()));
      completes[c] = items.stream().mapToLong(item -> item[0].completeMicros()).toArray();
      learned[c] = items.stream().map(item -> item[1]).toArray(Operation[]::new);
    }
    learnedClient = new int[clients][];
    learnedPast = new int[clients][];
    for (int c = 0; c < clients; c++) {
      learnedClient[c] = new int[learned[c].length];
      learnedPast[c] = new int[learned[c].length];
      for (int i = 0; i < learned[c].length; i++) {
        Operation write = learned[c][i];
        int writer = clientIndex.get(write.client());
        learnedClient[c][i] = writer;
        learnedPast[c][i] = learnedBefore(completes[writer], write.invokeMicros());
      }
    }
  }

  History history() {
    return history;
  }

  /** A client's knowledge of writes that only grows: a set closed under causal precedence. */
  final class Knowledge {

    private final int[] prefix = new int[completes.length];
    /** Pending (client, prefix length) pairs, flattened. */
    private int[] work = new int[16];
    private int size;

    /**
     * Adds every write that causally precedes {@code write} (not {@code write} itself), calling
     * {@code onAdded} once for each newly added write (a write may be reported more than once if
     * several timelines learned it; that is harmless for maxima).
     */
    void addPredecessorsOf(Operation write, Consumer<Operation> onAdded) {
      int writer = clientIndex.get(write.client());
      push(writer, learnedBefore(completes[writer], write.invokeMicros()));
      while (size > 0) {
        size -= 2;
        int c = work[size];
        int until = work[size + 1];
        while (prefix[c] < until) {
          int i = prefix[c]++;
          onAdded.accept(learned[c][i]);
          push(learnedClient[c][i], learnedPast[c][i]);
        }
      }
    }

    /** Queues the first {@code n} items of client {@code c}'s timeline, unless already known. */
    private void push(int c, int n) {
      if (prefix[c] < n) {
        if (size == work.length) {
          work = Arrays.copyOf(work, size * 2);
        }
        work[size++] = c;
        work[size++] = n;
      }
    }
  }

  /** How many of a timeline's items completed strictly before {@code micros}. */
  private static int learnedBefore(long[] times, long micros) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < micros) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
