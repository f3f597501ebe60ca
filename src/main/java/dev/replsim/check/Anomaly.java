package dev.replsim.check;

import java.util.Map;

/**
 * One offending observation found by a checker: a stale read, a session guarantee broken. Shaped
 * to become one line of {@code events.jsonl}: when, what kind, on which node, and details naming
 * the operations involved, so a reader can find them in the history.
 */
public interface Anomaly {

  /** A short kebab-case kind, e.g. {@code stale-read}. */
  String type();

  /** When it was observed: the completion of the offending read, microseconds since the run started. */
  long atMicros();

  /** The node that served the offending read, or null. */
  String node();

  /** Further members, in a stable order: clients, keys, values, operation ids, amounts. */
  Map<String, Object> details();

  /** Microseconds to milliseconds, rounded to the microsecond, as every time in the outputs. */
  static double ms(long micros) {
    return micros / 1000.0;
  }
}
