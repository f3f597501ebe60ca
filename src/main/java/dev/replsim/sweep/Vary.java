package dev.replsim.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code --vary KEY=V1,V2,...}: a scenario key and the values a sweep gives it, in order.
 * Values are HOCON as {@code --set} takes them, separated by commas at the top level only, so
 * {@code {min=150ms,max=300ms},{min=12ms,max=24ms}} is two objects; {@code FROM..TO/COUNT} stands
 * for {@code COUNT} evenly spaced values from {@code FROM} to {@code TO}, both included, in the
 * ends' unit: {@code 10ms..100ms/10} is 10ms, 20ms, ... 100ms.
 */
public record Vary(String key, List<String> values) {

  private static final String EXAMPLE = "e.g. --vary cluster.replication.mode=async,sync"
      + " or --vary network.delay.value=10ms..100ms/10";
  private static final String RANGE_FORM = "write FROM..TO/COUNT, COUNT evenly spaced values from FROM to TO"
      + " (both included), e.g. 10ms..100ms/10 for 10ms, 20ms, ... 100ms";

  public Vary {
    values = List.copyOf(values);
  }

  /**
   * Reads {@code KEY=VALUES}.
   *
   * @throws IllegalArgumentException with a message for the user when the text is not a key and a
   *     list of distinct values, or a range in it is malformed
   */
  public static Vary parse(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0 || text.substring(0, equals).isBlank()) {
      throw new IllegalArgumentException("'" + text + "' is not KEY=VALUES; " + EXAMPLE);
    }
    String key = text.substring(0, equals).trim();
    String list = text.substring(equals + 1);
    if (list.isBlank()) {
      throw new IllegalArgumentException("'" + text + "' gives " + key + " no values; " + EXAMPLE);
    }
    Set<String> values = new LinkedHashSet<>();
    for (String item : split(list, text)) {
      for (String value : expand(item)) {
        if (!values.add(value)) {
          throw new IllegalArgumentException("'" + text + "' gives " + key + " the value " + value
              + " twice; each value is swept once (use --seeds N for repetitions)");
        }
      }
    }
    return new Vary(key, new ArrayList<>(values));
  }

  /** The list cut at commas outside braces, brackets and quotes; each piece trimmed and not empty. */
  static List<String> split(String list, String text) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("'" + text + "' closes a '" + c + "' it never opened");
        }
      } else if (c == ',' && depth == 0) {
        items.add(item(list.substring(start, i), text));
        start = i + 1;
      }
    }
    if (quoted || depth != 0) {
      throw new IllegalArgumentException("'" + text + "' leaves a " + (quoted ? "quote" : "brace or bracket")
          + " open; a value's own commas belong inside {}, [] or quotes");
    }
    items.add(item(list.substring(start), text));
    return items;
  }

  private static String item(String raw, String text) {
    String item = raw.trim();
    if (item.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' has an empty value (two commas in a row, or one at an end)");
    }
    return item;
  }

  /** A range's values, or the item itself; quoted, object and list values are never ranges. */
  static List<String> expand(String item) {
    char first = item.charAt(0);
    if (first == '"' || first == '{' || first == '[' || !item.contains("..")) {
      return List.of(item);
    }
    int dots = item.indexOf("..");
    int slash = item.lastIndexOf('/');
    if (slash < dots) {
      throw new IllegalArgumentException("range '" + item + "' has no count: " + RANGE_FORM);
    }
    String countText = item.substring(slash + 1).trim();
    int count;
    try {
      count = Integer.parseInt(countText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("range '" + item + "': the part after / is how many values, a whole"
          + " number, not " + countText + "; " + RANGE_FORM);
    }
    if (count < 2 || count > 10_000) {
      throw new IllegalArgumentException("range '" + item + "' asks for " + count
          + " values; a range takes 2 to 10000: " + RANGE_FORM);
    }
    String fromText = item.substring(0, dots).trim();
    String toText = item.substring(dots + 2, slash).trim();
    Optional<Quantity> from = Quantity.parse(fromText);
    Optional<Quantity> to = Quantity.parse(toText);
    if (from.isEmpty() || to.isEmpty()) {
      throw new IllegalArgumentException("range '" + item + "' is not between two numbers: " + RANGE_FORM);
    }
    if (!from.get().unit().equals(to.get().unit())) {
      throw new IllegalArgumentException("range '" + item + "': both ends need the same unit, not '"
          + from.get().unit() + "' and '" + to.get().unit() + "'; " + RANGE_FORM);
    }
    return spaced(from.get(), to.get(), count);
  }

  private static List<String> spaced(Quantity from, Quantity to, int count) {
    BigDecimal span = to.number().subtract(from.number());
    BigDecimal steps = BigDecimal.valueOf(count - 1L);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      BigDecimal v = from.number().add(span.multiply(BigDecimal.valueOf(i)).divide(steps, MathContext.DECIMAL64));
      values.add(new Quantity(v.round(new MathContext(12)), from.unit()).toString());
    }
    return values;
  }
}
