package dev.replsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code variants}: the same scenario run several times with some keys changed, e.g. once
 * per replication method. Each variant is a name and a {@code set} object of keys, written as
 * quoted paths ({@code "cluster.replication.method" = wal}) or nested ({@code cluster.replication
 * { method = wal }}). Here only their shape is checked; the loader layers each variant's keys over
 * the scenario and validates the result like any scenario, so a bad key or value in a variant is
 * reported at its own line.
 */
final class VariantReader {

  static final String PATH = "variants";
  static final List<String> KEYS = List.of("name", "set");
  private static final String EXAMPLE =
      "{ name = wal, set { \"cluster.replication.method\" = wal } }";

  /** A variant's name and the layer of keys it sets, with their origins. */
  record Layer(String name, Config keys) {}

  private VariantReader() {}

  static List<Layer> read(Config merged, Locations locations) {
    ConfigValue value = merged.root().get(PATH);
    Fields f = Fields.root(merged, locations);
    if (value == null || value.valueType() != ConfigValueType.LIST) {
      throw f.bad(PATH, "is not a list: write variants = [ " + EXAMPLE + " ]");
    }
    List<Layer> layers = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    ConfigList list = (ConfigList) value;
    for (int i = 0; i < list.size(); i++) {
      String prefix = PATH + "[" + i + "]";
      ConfigValue item = list.get(i);
      if (item.valueType() != ConfigValueType.OBJECT) {
        throw locations.error(Locations.leafOrigin(item),
            prefix + " = " + Fields.quoted(item) + " is not a variant: write " + EXAMPLE);
      }
      ConfigObject object = (ConfigObject) item;
      for (String key : object.keySet()) {
        if (!KEYS.contains(key)) {
          String near = Suggestions.nearest(key, KEYS).map(k -> "; did you mean " + prefix + "." + k + "?")
              .orElse("; a variant takes name and set");
          throw locations.error(Locations.leafOrigin(object.get(key)), "unknown key " + prefix + "." + key + near);
        }
      }
      Fields variant = f.child(object, prefix + ".");
      String name = name(variant, prefix);
      Integer earlier = seen.putIfAbsent(name, i);
      if (earlier != null) {
        throw variant.bad("name", "repeats " + PATH + "[" + earlier + "].name: each variant needs its own name,"
            + " which names its output directory");
      }
      layers.add(new Layer(name, keys(variant, prefix)));
    }
    return layers;
  }

  private static String name(Fields variant, String prefix) {
    String allowed = "a name of letters, digits, '.', '_' and '-' (it names the variant's output directory)";
    if (!variant.has("name")) {
      throw variant.fail("name", prefix + " has no name: it must be " + allowed);
    }
    String name = variant.string("name", allowed);
    if (!SectionReaders.RUN_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw variant.bad("name", "is not a valid name: it must be " + allowed);
    }
    return name;
  }

  /** The keys a variant sets, as one config layer at their full paths, keeping their origins. */
  private static Config keys(Fields variant, String prefix) {
    if (!variant.has("set") || variant.raw("set").valueType() != ConfigValueType.OBJECT) {
      String problem = variant.has("set") ? prefix + ".set = " + Fields.quoted(variant.raw("set")) + " is not"
          : prefix + " has no set: it needs";
      throw variant.fail("set", problem + " an object of the keys it changes, e.g. " + EXAMPLE);
    }
    Config layer = ConfigFactory.empty();
    for (Map.Entry<String, ConfigValue> e : ((ConfigObject) variant.raw("set")).toConfig().entrySet()) {
      List<String> path = new ArrayList<>();
      for (String element : ConfigUtil.splitPath(e.getKey())) {
        path.addAll(List.of(element.split("\\.", -1)));
      }
      if (path.get(0).equals(PATH)) {
        throw variant.locations().error(Locations.leafOrigin(e.getValue()),
            prefix + ".set sets " + PATH + ": a variant cannot have variants of its own");
      }
      layer = layer.withValue(ConfigUtil.joinPath(path), e.getValue());
    }
    return layer;
  }
}
