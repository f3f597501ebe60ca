package dev.replsim.check;

import java.util.List;
import java.util.Locale;

/**
 * The few operations on one key that cannot be ordered as a register: a subset of the history that
 * is not linearizable by itself, and from which no single operation can be removed (together with
 * the reads of its value, if it is a write) without it becoming linearizable. Printed one line per
 * operation, so a person can see why.
 *
 * @param key the register
 * @param operations the operations, in invoke order
 * @param explanation why they cannot be ordered, in a sentence
 */
public record Counterexample(String key, List<Operation> operations, String explanation) {

  public Counterexample {
    operations = List.copyOf(operations);
  }

  /** Why any set of operations that failed the search cannot be ordered. */
  static final String NO_ORDER = "no order of these operations takes each effect between its "
      + "invoke and its complete and has every read return the latest value written";

  /** The key, the explanation and one line per operation. */
  public String render() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "key %s: %d operations cannot be ordered: %s%n", key, operations.size(), explanation));
    for (Operation op : operations) {
      out.append("  ").append(op).append(System.lineSeparator());
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
