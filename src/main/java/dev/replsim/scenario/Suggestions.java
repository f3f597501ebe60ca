package dev.replsim.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean ...?" for misspelt keys and values, and the small list phrases error messages
 * share. A suggestion is only made when it is close: a wrong suggestion is worse than none.
 */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code word}, if one is close. Spelling the same words another way
   * ({@code ackLevel}, {@code ack_level}, {@code semisync}) always matches; otherwise the
   * Levenshtein distance must be small for the word's length, so {@code write-rat} finds {@code
   * write-rate} but {@code name} does not find {@code seed}.
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String wanted = normalize(word);
    for (String candidate : candidates) {
      String c = normalize(candidate);
      if (c.equals(wanted) || c.replace("-", "").equals(wanted.replace("-", ""))) {
        return Optional.of(candidate);
      }
    }
    // short words are near too many others: "mean" is two edits from "min" but means something else
    int limit = wanted.length() <= 4 ? 1 : Math.max(2, wanted.length() / 3);
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(wanted, normalize(candidate)); // -1 when beyond the limit
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Lower-case kebab: {@code ackLevel} and {@code ACK_LEVEL} both become {@code ack-level}. */
  static String normalize(String s) {
    String kebab = s.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').replace(' ', '-');
    return kebab.toLowerCase(Locale.ROOT);
  }

  /** {@code a, b or c}: for "must be one of" messages. */
  static String or(List<String> items) {
    return join(items, " or ");
  }

  /** {@code a, b and c}: for "takes these parameters" messages. */
  static String and(List<String> items) {
    return join(items, " and ");
  }

  private static String join(List<String> items, String last) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + last
        + items.get(items.size() - 1);
  }
}
