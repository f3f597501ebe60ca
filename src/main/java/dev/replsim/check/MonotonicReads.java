package dev.replsim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds monotonic-read violations: a client sees an older state after having seen a newer one, as
 * if time went backwards (DDIA, chapter 5). Only reads ordered in real time count: an earlier read
 * must have completed before the later one was invoked.
 *
 * <ul>
 *   <li><b>Same key</b>: the later read of a key returns an older version (lower LSN, or absent)
 *       than an earlier read of the same key returned. Needs only the key's version order.
 *   <li><b>Across keys</b>: every replica's state is a prefix of the one log, so a read that
 *       returned version {@code v} of some key was served from a state holding LSN {@code v} or
 *       more, and a read that returned version {@code u} of key {@code k} was served from a state
 *       without the next write to {@code k} after {@code u} (at LSN {@code n}): its state ended
 *       below {@code n}. If {@code n <= v} for an earlier read's {@code v}, the later state is
 *       provably older. Sound under the prefix assumption but not complete: it only sees what the
 *       values reveal (a follower one entry behind on another key goes unnoticed).
 * </ul>
 *
 * <p>A read counts once, as same-key if it is both.
 */
public final class MonotonicReads {

  private MonotonicReads() {}

  /** Which comparison found the violation. */
  public enum Scope {
    SAME_KEY,
    ACROSS_KEYS;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One violation.
   *
   * @param earlier a read of the same client, completed before {@code later} was invoked, that saw
   *     a newer state
   * @param later the read that saw the older state
   * @param scope whether {@code earlier} read the same key
   * @param missed a write that {@code earlier}'s state provably held and {@code later}'s did not
   */
  public record Violation(Operation earlier, Operation later, Scope scope, Operation missed)
      implements Anomaly {

    @Override
    public String type() {
      return "monotonic-read-violation";
    }

    /** The later read, which returned the older state. */
    @Override
    public Operation read() {
      return later;
    }

    @Override
    public Map<String, Object> details() {
      return Details.of("client", later.client(), "scope", scope.label(), "key", later.key(),
          "read", later.id(), "value", later.value(), "earlierRead", earlier.id(),
          "earlierKey", earlier.key(), "earlierValue", earlier.value(), "earlierNode", earlier.node(),
          "missed", missed.id(), "missedKey", missed.key(), "missedValue", missed.value());
    }
  }

  /**
   * Every violation in the history; {@code checked} counts the OK reads (with placeable values)
   * that followed another such read of the same client.
   */
  public static Findings<Violation> check(History history, int maxSamples) {
    Samples<Violation> samples = new Samples<>(maxSamples);
    long checked = 0;
    for (String client : history.clients()) {
      List<Operation> reads = new ArrayList<>();
      for (Operation op : history.ofClient(client)) {
        if (op.isRead() && op.ok() && version(history, op) != Versions.UNPLACED) {
          reads.add(op);
        }
      }
      List<Operation> byComplete = new ArrayList<>(reads);
      byComplete.sort(Comparator.comparingLong(Operation::completeMicros));
      Map<String, Operation> newestPerKey = new HashMap<>();
      Operation newest = null;
      int done = 0;
      for (Operation later : reads) {
        while (done < byComplete.size() && byComplete.get(done).completeMicros() < later.invokeMicros()) {
          Operation earlier = byComplete.get(done++);
          long v = version(history, earlier);
          newestPerKey.merge(earlier.key(), earlier, (a, b) -> version(history, a) >= v ? a : b);
          if (newest == null || version(history, newest) < v) {
            newest = earlier;
          }
        }
        if (newest == null) {
          continue;
        }
        checked++;
        Violation violation = judge(history, newestPerKey.get(later.key()), newest, later);
        if (violation != null) {
          samples.add(violation);
        }
      }
    }
    return samples.findings(checked);
  }

  private static Violation judge(History history, Operation sameKey, Operation newest, Operation later) {
    long seen = version(history, later);
    if (sameKey != null && seen < version(history, sameKey)) {
      return new Violation(sameKey, later, Scope.SAME_KEY, history.writeSeenBy(sameKey));
    }
    Operation next = history.versions(later.key()).nextAfter(seen);
    if (next != null && next.lsn() <= version(history, newest)) {
      return new Violation(newest, later, Scope.ACROSS_KEYS, next);
    }
    return null;
  }

  private static long version(History history, Operation read) {
    return history.versions(read.key()).versionSeenBy(read);
  }
}
