package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rejects keys the scenario does not know, with a suggestion when one is close: {@code x.conf:12:
 * unknown key workload.write-rat; did you mean workload.write-rate?}.
 *
 * <p>The defaults are the schema: every valid key is in conf/replsim.conf, so a merged config can
 * only hold an unknown key that the user wrote (in the file, an include or an override). Checking
 * the merged, resolved config rather than each raw layer also catches keys that arrive through
 * includes and substitutions. Some places are not described by the defaults' shape: distribution
 * objects, whose keys depend on the distribution; {@code network.links} and {@code
 * network.region-links}, empty lists there, whose objects' keys are listed here; and {@code
 * network.regions}, whose keys are the user's region names (the reader checks those); and {@code
 * failover.timeout}, a duration there, which may be a range {@code { min, max }}.
 */
final class KeySchema {

  /** The keys of each object of a list, for the lists whose objects the defaults cannot show. */
  private static final Map<String, List<String>> LIST_KEYS =
      Map.of(
          NetworkReader.LINKS, withPatchKeys("from", "to"),
          RegionReader.REGION_LINKS, withPatchKeys("from", "to", RegionReader.ONE_WAY));

  /** Keys the design names that are not built yet: a typo suggestion would only mislead. */
  private static final Map<String, String> PLANNED = Map.of();

  private final ConfigObject schema;
  private final List<Finding> found = new ArrayList<>();

  private record Finding(ConfigOrigin origin, String message) {}

  private KeySchema(ConfigObject schema) {
    this.schema = schema;
  }

  /**
   * Throws for the first unknown key (or a section that is not an object), if there is one: files
   * before overrides, then by line.
   */
  static void check(ConfigObject merged, ConfigObject defaults, Locations locations) {
    KeySchema check = new KeySchema(defaults);
    check.walk(merged, defaults, "");
    Comparator<Finding> order =
        Comparator.comparing((Finding u) -> locations.isOverride(u.origin()))
            .thenComparing(u -> Locations.file(u.origin()))
            .thenComparingInt(u -> u.origin().lineNumber())
            .thenComparing(Finding::message);
    Optional<Finding> first = check.found.stream().min(order);
    if (first.isPresent()) {
      throw locations.error(first.get().origin(), first.get().message());
    }
  }

  private void walk(ConfigObject actual, ConfigObject expected, String prefix) {
    for (Map.Entry<String, ConfigValue> entry : actual.entrySet()) {
      String key = entry.getKey();
      String path = prefix + key;
      ConfigValue value = entry.getValue();
      ConfigValue expectedValue = expected.get(key);
      if (expectedValue == null) {
        unknown(path, value, siblings(expected, prefix));
      } else if (path.equals(ClusterReader.NODE_APPLY_TIME)) {
        continue; // its keys are node names and its values distributions, which ClusterReader checks
      } else if (path.equals(RegionReader.REGIONS)) {
        continue; // region names are the user's own; the reader checks them
      } else if (path.equals(StorageReader.NODE_VERSIONS)) {
        continue; // its keys are node names, which StorageReader checks against the cluster
      } else if (path.equals(FailoverReader.TIMEOUT)) {
        checkFlat(value, path + ".", FailoverReader.RANGE_KEYS); // a duration, or a range { min, max }
      } else if (DistributionReader.PATHS.contains(path)) {
        checkDistribution(value, path + ".");
      } else if (expectedValue instanceof ConfigObject && !(value instanceof ConfigObject)) {
        // simulation = 3: without this, every key of the section would be reported missing
        String message = "%s = %s is not a section: write %s { ... } with its keys";
        found.add(
            new Finding(
                Locations.leafOrigin(value),
                String.format(message, path, Fields.show(value), path)));
      } else if (LIST_KEYS.containsKey(path) && value instanceof ConfigList) {
        checkObjects(path, (ConfigList) value);
      } else if (value instanceof ConfigObject && !(expectedValue instanceof ConfigList)) {
        if (expectedValue instanceof ConfigObject) {
          walk((ConfigObject) value, (ConfigObject) expectedValue, path + ".");
        } else {
          // e.g. --set simulation.seed.x=1: everything under a plain value is unknown
          for (Map.Entry<String, ConfigValue> inner : ((ConfigObject) value).entrySet()) {
            String message = "unknown key %s.%s; %s is a single value, not a section";
            found.add(
                new Finding(
                    Locations.leafOrigin(inner.getValue()),
                    String.format(message, path, inner.getKey(), path)));
          }
        }
      }
      // other type mismatches (an object where a list belongs) are reported by the typed reads
    }
  }

  /** The objects of a list such as {@code network.links}, and the distributions in them. */
  private void checkObjects(String path, ConfigList list) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ConfigObject) {
        ConfigObject object = (ConfigObject) list.get(i);
        String prefix = path + "[" + i + "].";
        checkFlat(object, prefix, LIST_KEYS.get(path));
        if (object.get("delay") != null) {
          checkDistribution(object.get("delay"), prefix + "delay.");
        }
      }
    }
  }

  private static List<String> withPatchKeys(String... keys) {
    List<String> all = new ArrayList<>(List.of(keys));
    all.addAll(NetworkReader.PATCH_KEYS);
    return List.copyOf(all);
  }

  /**
   * A distribution's keys. Not for a distribution that is planned or misspelt: its parameters
   * ({@code mean}) are unknown here, and the reader's message about the distribution is the useful
   * one.
   */
  private void checkDistribution(ConfigValue value, String prefix) {
    if (value instanceof ConfigObject) {
      ConfigValue kind = ((ConfigObject) value).get(DistributionReader.KIND);
      if (kind != null && !DistributionReader.supports(String.valueOf(kind.unwrapped()))) {
        return;
      }
    }
    checkFlat(value, prefix, DistributionReader.keys());
  }

  /** An object whose keys must all be in {@code allowed} (a distribution, a link, a region link). */
  private void checkFlat(ConfigValue value, String prefix, List<String> allowed) {
    if (!(value instanceof ConfigObject)) {
      return; // not an object at all: the typed read says what belongs there
    }
    for (Map.Entry<String, ConfigValue> entry : ((ConfigObject) value).entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        List<String> candidates = new ArrayList<>();
        allowed.forEach(k -> candidates.add(prefix + k));
        unknown(prefix + entry.getKey(), entry.getValue(), candidates);
      }
    }
  }

  private void unknown(String path, ConfigValue value, List<String> siblings) {
    String message = "unknown key " + path;
    if (PLANNED.containsKey(path)) {
      message += ": " + PLANNED.get(path) + " planned but not supported yet";
    } else {
      Optional<String> near = suggestion(path, siblings);
      if (near.isPresent()) {
        message += "; did you mean " + near.get() + "?";
      } else {
        int dot = path.lastIndexOf('.');
        message +=
            dot < 0
                ? "; the sections are " + Suggestions.and(leaves(siblings))
                : "; " + path.substring(0, dot) + " takes " + Suggestions.and(leaves(siblings));
      }
    }
    found.add(new Finding(Locations.leafOrigin(value), message));
  }

  /**
   * A close sibling first ({@code write-rat} for {@code write-rate}); else the same key in another
   * section ({@code network.followers} for {@code cluster.followers}).
   */
  private Optional<String> suggestion(String path, List<String> siblings) {
    String leaf = leaf(path);
    Optional<String> near =
        Suggestions.nearest(leaf, leaves(siblings))
            .map(found -> siblings.get(leaves(siblings).indexOf(found)));
    if (near.isPresent()) {
      return near;
    }
    String wanted = Suggestions.normalize(leaf);
    return allPaths(schema, "").stream().filter(p -> leaf(p).equals(wanted)).findFirst();
  }

  /** The sibling keys of an object in the schema, in the order conf/replsim.conf lists them. */
  private static List<String> siblings(ConfigObject expected, String prefix) {
    List<String> keys = new ArrayList<>(expected.keySet());
    keys.sort(
        Comparator.comparingInt((String k) -> expected.get(k).origin().lineNumber())
            .thenComparing(k -> k));
    keys.replaceAll(k -> prefix + k);
    return keys;
  }

  private static List<String> allPaths(ConfigObject object, String prefix) {
    List<String> paths = new ArrayList<>();
    for (String key : siblings(object, "")) {
      paths.add(prefix + key);
      if (object.get(key) instanceof ConfigObject
          && !DistributionReader.PATHS.contains(prefix + key)) {
        paths.addAll(allPaths((ConfigObject) object.get(key), prefix + key + "."));
      }
    }
    return paths;
  }

  private static List<String> leaves(List<String> paths) {
    List<String> leaves = new ArrayList<>();
    paths.forEach(p -> leaves.add(leaf(p)));
    return leaves;
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
