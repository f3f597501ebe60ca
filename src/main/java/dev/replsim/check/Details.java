package dev.replsim.check;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an anomaly's details in the order given, as alternating names and values. */
final class Details {

  private Details() {}

  static Map<String, Object> of(Object... namesAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      details.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return details;
  }
}
