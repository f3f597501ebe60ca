package dev.replsim.check;

import java.util.List;
import java.util.Locale;

/**
 * What {@link Linearizability} concluded about a history: a verdict for the whole history, one per
 * key (a history is linearizable exactly when every key's is, since linearizability is local), and
 * minimal counterexamples for the first keys that failed.
 *
 * @param verdict NOT_LINEARIZABLE if any key is not; else UNKNOWN if any key's search ran out of
 *     budget; else LINEARIZABLE
 * @param keys one result per key, in the order the keys were first invoked
 * @param counterexamples minimal counterexamples, at most the configured number
 */
public record LinearizabilityResult(Verdict verdict, List<KeyResult> keys, List<Counterexample> counterexamples) {

  public LinearizabilityResult {
    keys = List.copyOf(keys);
    counterexamples = List.copyOf(counterexamples);
  }

  /** The answer of a linearizability check. */
  public enum Verdict {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    /** The search ran out of budget before finding a linearization or proving there is none. */
    UNKNOWN;

    /** For people: {@code linearizable}, {@code not linearizable}, {@code unknown (too large)}. */
    public String label() {
      return this == UNKNOWN ? "unknown (too large)" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One key's result.
   *
   * @param key the key (one register)
   * @param operations the operations the search had to order (after dropping those that cannot
   *     matter: failed operations, reads that observed nothing, unread timed-out writes)
   * @param verdict the key's verdict
   * @param steps search steps taken, a measure of the work
   */
  public record KeyResult(String key, int operations, Verdict verdict, long steps) {}

  /** How many keys had this verdict. */
  public long count(Verdict v) {
    return keys.stream().filter(k -> k.verdict() == v).count();
  }

  /** A few lines for people: the verdict, counts of keys, then each counterexample. */
  public String describe() {
    StringBuilder out = new StringBuilder(verdict.label()).append(String.format(Locale.ROOT,
        " (%d keys: %d linearizable, %d not, %d unknown)%n", keys.size(),
        count(Verdict.LINEARIZABLE), count(Verdict.NOT_LINEARIZABLE), count(Verdict.UNKNOWN)));
    for (Counterexample c : counterexamples) {
      out.append(c.render());
    }
    return out.toString();
  }
}
