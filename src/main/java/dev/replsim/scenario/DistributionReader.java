package dev.replsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.random.Distribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reads distribution objects ({@code cluster.apply-time}, {@code cluster.journal-write-time}, {@code
 * network.delay}, a link's {@code delay}) and layers them.
 *
 * <p>HOCON merges objects key by key, which is wrong for a distribution: a scenario that writes
 * {@code delay = { distribution = constant, value = 5ms }} over the default uniform delay would
 * keep the default's {@code min} and {@code max}. So here a layer that sets a distribution object
 * with a {@code distribution} key (or sets it to anything but an object, such as a substitution or
 * null) replaces the lower layer's object whole, while a layer that sets only parameters ({@code
 * --set network.delay.value=50ms}) changes those parameters of the lower one. All command-line
 * overrides form one layer, so the order of two {@code --set}s does not matter.
 *
 * <p>Inside one file HOCON's own merging still applies, includes too; to replace an included
 * distribution, a file writes {@code network.delay = null} before its new one.
 */
final class DistributionReader {

  /**
   * Distributions at fixed paths; link delays live in {@code network.links}, a list, which HOCON
   * replaces whole.
   */
  static final List<String> PATHS =
      List.of("cluster.apply-time", "cluster.journal-write-time", "network.delay", "nemesis.slow-apply-time",
          "nemesis.link.delay");

  static final String KIND = "distribution";

  /** Every distribution also takes this: uniform noise in [-jitter, +jitter], truncated at 0. */
  static final String JITTER = "jitter";

  /** Other names people give a distribution; "lognormal" is matched by the spelling check. */
  private static final Map<String, String> SYNONYMS =
      Map.of("gaussian", "normal", "fixed", "constant");

  private DistributionReader() {}

  /** Every key a distribution object may hold, for the unknown-key check. */
  static List<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(KIND);
    for (DistributionKind kind : DistributionKind.values()) {
      keys.addAll(kind.params);
    }
    keys.add(JITTER);
    return List.copyOf(keys);
  }

  /** Whether {@code id} names a distribution this version can sample. */
  static boolean supports(String id) {
    return DistributionKind.byId(id) != null;
  }

  /** {@code upper} over {@code lower}, with the replace-not-merge rule above for distributions. */
  static Config layer(Config upper, Config lower) {
    Config base = lower;
    for (String path : PATHS) {
      if (replaces(upper, path)) {
        base = base.withoutPath(path);
      }
    }
    return upper.withFallback(base);
  }

  private static boolean replaces(Config layer, String path) {
    ConfigValue value = layer.root();
    try {
      for (String part : ConfigUtil.splitPath(path)) {
        if (!(value instanceof ConfigObject)) {
          return false; // a section set to a substitution or a scalar: HOCON's rules apply
        }
        value = ((ConfigObject) value).get(part);
      }
      if (value == null) {
        return false;
      }
      return !(value instanceof ConfigObject) || ((ConfigObject) value).containsKey(KIND);
    } catch (ConfigException.NotResolved e) {
      // an object built from a substitution; it is the layer's own definition, so it wins whole
      return true;
    }
  }

  /**
   * The distribution at {@code path}, validated: durations are not negative, the parameters are
   * the kind's own, and an empirical file is read now, once.
   */
  static Distribution read(Fields fields, String path) {
    ConfigValue value = fields.raw(path);
    List<String> ids = DistributionKind.ids();
    if (value == null || value.valueType() != ConfigValueType.OBJECT) {
      String write = "is not a distribution: write e.g. %s or %s (the distributions are %s)";
      throw fields.bad(
          path,
          String.format(
              write,
              DistributionKind.CONSTANT.example,
              DistributionKind.UNIFORM.example,
              Suggestions.and(ids)));
    }
    String kindPath = path + "." + KIND;
    if (!fields.has(kindPath)) {
      throw fields.fail(
          path,
          fields.key(path) + " has no distribution: add distribution = " + Suggestions.or(ids));
    }
    String id = fields.string(kindPath, Suggestions.or(ids));
    DistributionKind kind = DistributionKind.byId(id);
    if (kind == null) {
      String hint =
          Optional.ofNullable(SYNONYMS.get(Suggestions.normalize(id)))
              .or(() -> Suggestions.nearest(id, ids))
              .map(near -> "; did you mean " + near + "?")
              .orElse("");
      throw fields.bad(kindPath, "is not a distribution: must be " + Suggestions.or(ids) + hint);
    }
    for (String param : new TreeSet<>(((ConfigObject) value).keySet())) {
      if (!param.equals(KIND) && !param.equals(JITTER) && !kind.params.contains(param)) {
        throw notAParameter(fields, path, kind, param);
      }
    }
    for (String param : kind.params) {
      if (!fields.has(path + "." + param)) {
        throw missingParameter(fields, path, kind, param);
      }
    }
    Distribution distribution = kind.read(fields, path);
    String jitterPath = path + "." + JITTER;
    return fields.has(jitterPath) ? distribution.withJitter(jitter(fields, jitterPath)) : distribution;
  }

  /** Jitter, up to a day: like every sample, it is capped at {@link Distribution#MAX_SAMPLE_MICROS}. */
  private static long jitter(Fields fields, String path) {
    Duration day = Duration.ofNanos(Distribution.MAX_SAMPLE_MICROS * 1000);
    Duration d = fields.durationIn(path, Duration.ZERO, day, "a duration from 0 to 1d, e.g. 5ms");
    return TimeUnit.MICROSECONDS.convert(d);
  }

  /**
   * E.g. network.delay.value is not a parameter of the uniform distribution, which takes min and
   * max; ...
   */
  private static ScenarioException notAParameter(
      Fields fields, String path, DistributionKind kind, String param) {
    String message =
        String.format(
            "%s is not a parameter of the %s distribution, which takes %s (and %s)",
            fields.key(path + "." + param), kind.id, Suggestions.and(kind.params), JITTER);
    List<String> others = DistributionKind.taking(param).stream().map(k -> k.id).toList();
    if (!others.isEmpty()) {
      // written as the user would type it: --set a=b on the command line, a = b in a file
      String assign =
          fields.locations().isOverride(fields.origin(path + "." + param)) ? "=" : " = ";
      String names = Suggestions.or(others);
      message +=
          String.format(
              "; to make the %s %s also set %s%s%s",
              noun(path), names, fields.key(path + "." + KIND), assign, names);
    }
    if (fromTwoUserFiles(fields, path + "." + param, path + "." + KIND)) {
      // an include and the including file: HOCON merged the two objects before we could replace
      message +=
          String.format(
              " (to replace an included %s, first write %s = null)", noun(path), fields.key(path));
    }
    return fields.fail(path + "." + param, message);
  }

  /** Whether both keys were written in scenario files, not defaults or overrides, but not one. */
  private static boolean fromTwoUserFiles(Fields fields, String a, String b) {
    Locations at = fields.locations();
    ConfigOrigin originA = fields.origin(a);
    ConfigOrigin originB = fields.origin(b);
    for (ConfigOrigin o : List.of(originA, originB)) {
      if (at.isDefault(o) || at.isOverride(o)) {
        return false;
      }
    }
    return !Locations.file(originA).equals(Locations.file(originB));
  }

  private static ScenarioException missingParameter(
      Fields fields, String path, DistributionKind kind, String param) {
    String message =
        String.format(
            "%s: the %s distribution needs %s, e.g. %s = %s",
            fields.key(path), kind.id, param, fields.key(path), kind.example);
    String kindPath = path + "." + KIND;
    if (fields.locations().isOverride(fields.origin(kindPath))) {
      // the override replaced the whole object, so parameters of the old one are gone
      message +=
          String.format(
              "; setting the distribution replaces the whole %s, so set its parameters too",
              fields.key(path));
    }
    return fields.fail(kindPath, message);
  }

  /** "delay" for network.delay and links' delay, "apply-time" for cluster.apply-time. */
  private static String noun(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
