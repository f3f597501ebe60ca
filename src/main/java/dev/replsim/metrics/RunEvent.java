package dev.replsim.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code events.jsonl}: something that happened at a moment of the run (a fault, a
 * role change, a semi-sync fallback, a gap and its repair), with its details.
 *
 * @param tMs milliseconds since the run started
 * @param type a short kebab-case kind, e.g. {@code semi-sync-fallback}
 * @param node the node it happened on, or null
 * @param details further members, written after the fixed ones
 */
public record RunEvent(double tMs, String type, String node, Map<String, Object> details) {

  /** Details in the order given, as alternating names and values: {@code details("lsn", 7, "acked", 1)}. */
  public static Map<String, Object> details(Object... namesAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      details.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return details;
  }
}
