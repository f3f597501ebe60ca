package dev.replsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads from the merged, resolved scenario. Every read that fails throws a {@link
 * ScenarioException} that names where the value was written, its full key, the bad value and what
 * is allowed: {@code x.conf:7: workload.clients = "four" is not a whole number: must be 1..10000}.
 * Section readers use only this class, never {@code config.getX} directly, so no Typesafe exception
 * (with its Java-flavoured text) can reach a user.
 */
final class Fields {

  private static final Pattern BARE_NUMBER =
      Pattern.compile("\\s*[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?\\s*");
  private static final Pattern SIMPLE_WORD = Pattern.compile("-?[A-Za-z0-9][A-Za-z0-9._-]*");

  /** No upper bound, for durations that only must not be negative. */
  static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private static final String DURATION_UNITS = "units: ns, us, ms, s, m, h, d";

  private final Config config;
  private final String prefix;
  private final ConfigOrigin container;
  private final Locations locations;

  private Fields(Config config, String prefix, ConfigOrigin container, Locations locations) {
    this.config = config;
    this.prefix = prefix;
    this.container = container;
    this.locations = locations;
  }

  /** Reads from the whole scenario, keys written in full ({@code workload.clients}). */
  static Fields root(Config config, Locations locations) {
    return new Fields(config, "", config.root().origin(), locations);
  }

  /** Reads inside one object of a list, e.g. a link; messages still show the full key. */
  Fields child(ConfigObject object, String displayPrefix) {
    return new Fields(object.toConfig(), displayPrefix, Locations.leafOrigin(object), locations);
  }

  Locations locations() {
    return locations;
  }

  /** The key as the user knows it, e.g. {@code network.links[0].from}. */
  String key(String path) {
    return prefix + path;
  }

  boolean has(String path) {
    return raw(path) != null;
  }

  /** The value at {@code path}, null included, or null when absent; never resolves or throws. */
  ConfigValue raw(String path) {
    ConfigValue value = config.root();
    for (String part : ConfigUtil.splitPath(path)) {
      if (!(value instanceof ConfigObject)) {
        return null;
      }
      value = ((ConfigObject) value).get(part);
    }
    return value;
  }

  /** Where the value at {@code path} was written; where its container was, if it is absent. */
  ConfigOrigin origin(String path) {
    ConfigValue value = raw(path);
    return value == null ? container : Locations.leafOrigin(value);
  }

  /** Whether the value comes from conf/replsim.conf rather than from the user. */
  boolean fromDefaults(String path) {
    return locations.isDefault(origin(path));
  }

  /** {@code where: key = value problem}. */
  ScenarioException bad(String path, String problem) {
    return locations.error(origin(path), key(path) + " = " + show(raw(path)) + " " + problem);
  }

  /** {@code where: message}, where is the place {@code path} was written. */
  ScenarioException fail(String path, String message) {
    return locations.error(origin(path), message);
  }

  /** Throws {@code key = value is out of range: must be allowed} unless {@code ok}. */
  void check(boolean ok, String path, String allowed) {
    if (!ok) {
      throw bad(path, "is out of range: must be " + allowed);
    }
  }

  /** A string; numbers and booleans are accepted as their text, as HOCON does. */
  String string(String path, String allowed) {
    ConfigValue value = present(path, allowed);
    ConfigValueType type = value.valueType();
    if (type == ConfigValueType.STRING
        || type == ConfigValueType.NUMBER
        || type == ConfigValueType.BOOLEAN) {
      return String.valueOf(value.unwrapped());
    }
    throw wrongType(path, "a string", allowed);
  }

  /**
   * A whole number in {@code min..max}; {@code 4.0} is accepted, {@code 4.5} and {@code "four"} are
   * not.
   */
  long wholeNumber(String path, long min, long max, String allowed) {
    ConfigValue value = present(path, allowed);
    BigDecimal number =
        decimalOf(value).orElseThrow(() -> wrongType(path, "a whole number", allowed));
    if (number.stripTrailingZeros().scale() > 0) {
      throw wrongType(path, "a whole number", allowed);
    }
    boolean inRange =
        number.compareTo(BigDecimal.valueOf(min)) >= 0
            && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    check(inRange, path, allowed);
    return number.longValueExact();
  }

  /** An int in {@code min..max}; the message states the range. */
  int intIn(String path, int min, int max) {
    String allowed = max == Integer.MAX_VALUE ? "at least " + min : min + ".." + max;
    return (int) wholeNumber(path, min, max, allowed);
  }

  /** A finite number. */
  double number(String path, String allowed) {
    ConfigValue value = present(path, allowed);
    return decimalOf(value).orElseThrow(() -> wrongType(path, "a number", allowed)).doubleValue();
  }

  /** {@code true} or {@code false} (HOCON also reads yes/no and on/off as booleans). */
  boolean bool(String path) {
    ConfigValue value = present(path, "true or false");
    if (value.valueType() == ConfigValueType.BOOLEAN) {
      return (Boolean) value.unwrapped();
    }
    try {
      return config.getBoolean(path);
    } catch (ConfigException e) {
      throw wrongType(path, "a boolean", "true or false");
    }
  }

  /**
   * A duration with a unit. A bare number is refused, although HOCON would read it as milliseconds:
   * people who write {@code duration = 20} mean seconds as often as milliseconds, and a run 1000
   * times too short or too long is a silent, expensive mistake.
   */
  Duration duration(String path, String allowed) {
    ConfigValue value = present(path, allowed);
    String text = value.unwrapped() == null ? "" : String.valueOf(value.unwrapped());
    if (value.valueType() == ConfigValueType.NUMBER
        || (value.valueType() == ConfigValueType.STRING && BARE_NUMBER.matcher(text).matches())) {
      String n = text.trim();
      throw bad(path, "has no unit: write " + n + "ms or " + n + "s (" + DURATION_UNITS + ")");
    }
    if (value.valueType() == ConfigValueType.STRING) {
      try {
        return config.getDuration(path);
      } catch (ConfigException | ArithmeticException e) {
        // unparsable text or a unit Typesafe does not know; the message below says what is allowed
      }
    }
    throw bad(
        path,
        "is not a duration: write a number and a unit, e.g. 250ms or 5s (" + DURATION_UNITS + ")");
  }

  /** A duration in {@code [min, max]}; the message states the range. */
  Duration durationIn(String path, Duration min, Duration max, String allowed) {
    Duration d = duration(path, allowed);
    check(d.compareTo(min) >= 0 && d.compareTo(max) <= 0, path, allowed);
    return d;
  }

  /**
   * One of an enum's constants, written in lower-case kebab ({@code semi-sync} for {@code
   * SEMI_SYNC}). Values that are planned but not built yet get their own message.
   *
   * @param noun what the value is, with its article: "a commit mode"
   */
  <E extends Enum<E>> E choice(String path, E[] constants, String noun, String... planned) {
    List<String> names = new ArrayList<>();
    for (E constant : constants) {
      names.add(kebab(constant));
    }
    String allowed = Suggestions.or(names);
    String written = string(path, allowed);
    int index = names.indexOf(written);
    if (index >= 0) {
      return constants[index];
    }
    if (Arrays.asList(planned).contains(written)) {
      throw bad(path, "is planned but not supported yet: must be " + allowed);
    }
    Optional<String> near = Suggestions.nearest(written, names);
    String hint = near.map(n -> "; did you mean " + n + "?").orElse("");
    throw bad(path, "is not " + noun + ": must be " + allowed + hint);
  }

  /** A list of strings. */
  List<String> strings(String path, String allowed) {
    ConfigValue value = present(path, allowed);
    if (value.valueType() != ConfigValueType.LIST) {
      throw wrongType(path, "a list", allowed);
    }
    List<String> result = new ArrayList<>();
    List<?> items = (List<?>) value;
    for (int i = 0; i < items.size(); i++) {
      ConfigValue item = (ConfigValue) items.get(i);
      if (item.valueType() != ConfigValueType.STRING) {
        String message = "%s[%d] = %s is not a string: %s must be %s";
        throw locations.error(
            Locations.leafOrigin(item),
            String.format(message, key(path), i, quoted(item), key(path), allowed));
      }
      result.add((String) item.unwrapped());
    }
    return result;
  }

  /** The constant's name as scenarios write it: {@code SEMI_SYNC} is {@code semi-sync}. */
  static String kebab(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A value as a user would write it: words and durations bare ({@code semi-sync}, {@code 50ms}),
   * strings that would read as another type ({@code "4"}, {@code "true"}) or hold spaces quoted.
   */
  static String show(ConfigValue value) {
    if (value == null) {
      return "(missing)";
    }
    if (value.valueType() == ConfigValueType.STRING) {
      String s = (String) value.unwrapped();
      boolean keepsItsType =
          !BARE_NUMBER.matcher(s).matches() && !s.matches("(?i)true|false|null|yes|no|on|off");
      if (SIMPLE_WORD.matcher(s).matches() && keepsItsType) {
        return s;
      }
    }
    return quoted(value);
  }

  /** A value exactly as HOCON renders it, strings always quoted: for type errors. */
  static String quoted(ConfigValue value) {
    return value.render(ConfigRenderOptions.concise());
  }

  private ConfigValue present(String path, String allowed) {
    ConfigValue value = raw(path);
    if (value == null) {
      throw locations.error(container, key(path) + " is missing: it must be " + allowed);
    }
    if (value.valueType() == ConfigValueType.NULL) {
      throw bad(path, "is not set: it must be " + allowed);
    }
    return value;
  }

  private ScenarioException wrongType(String path, String kind, String allowed) {
    ConfigValue value = raw(path);
    return locations.error(
        origin(path),
        key(path) + " = " + quoted(value) + " is not " + kind + ": must be " + allowed);
  }

  /** A number, or a string holding one (HOCON lets {@code "4"} stand for 4); empty otherwise. */
  private static Optional<BigDecimal> decimalOf(ConfigValue value) {
    Object v = value.unwrapped();
    String text;
    if (value.valueType() == ConfigValueType.NUMBER) {
      text = v.toString();
    } else if (value.valueType() == ConfigValueType.STRING
        && BARE_NUMBER.matcher((String) v).matches()) {
      text = ((String) v).trim();
    } else {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(text);
      return Double.isFinite(d) ? Optional.of(new BigDecimal(text)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
