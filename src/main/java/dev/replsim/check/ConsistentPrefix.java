package dev.replsim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds consistent-prefix violations: a reader sees a write, and later reads a key in a state that
 * lacks a write causally preceding it, so it has seen an effect without its cause (DDIA, chapter
 * 5: the answer before the question). Causal precedence is {@link CausalOrder}'s, defined from the
 * history alone: it does not assume LSNs respect causality, so it also judges databases that do
 * not keep one log.
 *
 * <p>Precisely: client {@code r} completes a read {@code R1} returning write {@code B}'s value;
 * {@code A ⇝ B}; later ({@code R1} completed before {@code R2} was invoked) {@code r}'s read
 * {@code R2} of {@code A}'s key returns a version older than {@code A} (lower LSN, or absent). The
 * reader's knowledge is the causal past of the writes it read, not the writes it read themselves
 * (seeing a write and then not seeing it is a monotonic-read violation) nor its own writes (that is
 * read-your-writes).
 */
public final class ConsistentPrefix {

  private ConsistentPrefix() {}

  /**
   * One violation.
   *
   * @param sawRead the reader's earlier read, which returned {@code seen}
   * @param seen a write whose effect the reader saw
   * @param missed a write causally preceding {@code seen} that {@code read}'s state lacked
   * @param read the later read, which returned a version older than {@code missed}
   */
  public record Violation(Operation sawRead, Operation seen, Operation missed, Operation read)
      implements Anomaly {

    @Override
    public String type() {
      return "consistent-prefix-violation";
    }

    @Override
    public Map<String, Object> details() {
      return Anomaly.aboutRead(read, "missed", missed.id(), "missedValue", missed.value(),
          "seen", seen.id(), "seenKey", seen.key(), "seenValue", seen.value(),
          "sawRead", sawRead.id());
    }
  }

  /** The newest known write to one key, and which read taught it. */
  private record Known(Operation write, Operation sawRead, Operation seen) {}

  /**
   * Every violation in the history; {@code checked} counts the OK reads (with placeable values) made
   * after the reader had learned of at least one causally preceding write.
   */
  public static Findings<Violation> check(History history, int maxSamples) {
    CausalOrder causal = new CausalOrder(history);
    Samples<Violation> samples = new Samples<>(maxSamples);
    long checked = 0;
    for (String client : history.clients()) {
      List<Operation> reads = history.ofClient(client).stream()
          .filter(op -> op.isRead() && op.ok()).toList();
      List<Operation> byComplete = new ArrayList<>(reads);
      byComplete.sort(Comparator.comparingLong(Operation::completeMicros));
      CausalOrder.Knowledge knowledge = causal.new Knowledge();
      Map<String, Known> newest = new HashMap<>();
      int done = 0;
      for (Operation read : reads) {
        while (done < byComplete.size() && byComplete.get(done).completeMicros() < read.invokeMicros()) {
          Operation sawRead = byComplete.get(done++);
          Operation seen = history.writeSeenBy(sawRead);
          if (seen != null) {
            knowledge.addPredecessorsOf(seen, w -> learn(newest, w, sawRead, seen));
          }
        }
        long version = history.versions(read.key()).versionSeenBy(read);
        if (newest.isEmpty() || version == Versions.UNPLACED) {
          continue;
        }
        checked++;
        Known known = newest.get(read.key());
        if (known != null && version < known.write().lsn()) {
          samples.add(new Violation(known.sawRead(), known.seen(), known.write(), read));
        }
      }
    }
    return samples.findings(checked);
  }

  /** Keeps the newest placed write per key. */
  private static void learn(Map<String, Known> newest, Operation write, Operation sawRead, Operation seen) {
    if (!write.placed()) {
      return;
    }
    Known old = newest.get(write.key());
    if (old == null || write.lsn() > old.write().lsn()) {
      newest.put(write.key(), new Known(write, sawRead, seen));
    }
  }
}
