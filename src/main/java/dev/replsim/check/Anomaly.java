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

  /** The offending read. */
  Operation read();

  /** When it was observed: the completion of the offending read, microseconds since the run started. */
  default long atMicros() {
    return read().completeMicros();
  }

  /** The node that served the offending read, or null. */
  default String node() {
    return read().node();
  }

  /** Further members, in a stable order: clients, keys, values, operation ids, amounts. */
  Map<String, Object> details();

  /** Details that start with the offending read's client, key, id and value, then {@code more}. */
  static Map<String, Object> aboutRead(Operation read, Object... more) {
    Map<String, Object> details = Details.of("client", read.client(), "key", read.key(), "read", read.id(),
        "value", read.value());
    details.putAll(Details.of(more));
    return details;
  }

  /** Microseconds to milliseconds, rounded to the microsecond, as every time in the outputs. */
  static double ms(long micros) {
    return micros / 1000.0;
  }
}
