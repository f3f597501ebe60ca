package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code network.regions} (named groups of nodes, each node in at most one) and {@code
 * network.region-links} (the link settings between two regions, both ways unless {@code one-way =
 * true}, or inside one region when {@code from = to}).
 */
final class RegionReader {

  static final String REGIONS = "network.regions";
  static final String REGION_LINKS = "network.region-links";
  static final String ONE_WAY = "one-way";

  private static final Pattern REGION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final String REGIONS_EXAMPLE =
      "regions { us-east = [leader], eu-west = [follower-1, follower-2] }";
  private static final String REGION_LINK_EXAMPLE =
      "{ from = us-east, to = eu-west, delay = { distribution = constant, value = 40ms } }";

  private RegionReader() {}

  /** Each region's nodes, regions in the order written. */
  static Map<String, List<String>> regions(Fields f, List<String> nodes) {
    ConfigValue value = f.raw(REGIONS);
    if (value == null || value.valueType() != ConfigValueType.OBJECT) {
      throw f.bad(REGIONS, "is not a set of regions: write " + REGIONS_EXAMPLE);
    }
    ConfigObject object = (ConfigObject) value;
    List<String> names = new ArrayList<>(object.keySet());
    // HOCON keeps no order of keys: take the order of lines, overrides last, so that the later
    // of two conflicting places is the one blamed (alphabetical within a line)
    Locations at = f.locations();
    names.sort(
        Comparator.comparing((String n) -> at.isOverride(Locations.leafOrigin(object.get(n))))
            .thenComparingInt(n -> Locations.leafOrigin(object.get(n)).lineNumber())
            .thenComparing(n -> n));
    Map<String, List<String>> regions = new LinkedHashMap<>();
    Map<String, String> regionOf = new HashMap<>();
    String allowedNodes = "one of the nodes: " + String.join(", ", nodes);
    for (String name : names) {
      String path = REGIONS + "." + ConfigUtil.joinPath(name);
      if (!REGION_NAME.matcher(name).matches()) {
        throw f.fail(path, f.key(path) + " is not a valid region name: it must start with a letter"
            + " and hold only letters, digits, '-' and '_'");
      }
      List<String> members = f.strings(path, "a list of nodes, each " + allowedNodes);
      ConfigList items = (ConfigList) f.raw(path);
      for (int i = 0; i < members.size(); i++) {
        String node = members.get(i);
        String problem = null;
        if (!nodes.contains(node)) {
          problem = "is not a node: it must be " + allowedNodes;
        } else if (regionOf.containsKey(node)) {
          problem = regionOf.get(node).equals(name)
              ? "is listed twice in region " + name
              : "is already in region " + regionOf.get(node) + ": a node is in at most one region";
        }
        if (problem != null) {
          String item = f.key(path) + "[" + i + "] = " + Fields.quoted(items.get(i));
          throw f.locations().error(Locations.leafOrigin(items.get(i)), item + " " + problem);
        }
        regionOf.put(node, name);
      }
      regions.put(name, members);
    }
    return regions;
  }

  /** The region links, each directed pair of regions covered at most once. */
  static List<RegionLinkSettings> regionLinks(Fields f, Map<String, List<String>> regions) {
    List<String> names = new ArrayList<>(regions.keySet());
    String allowed =
        names.isEmpty()
            ? "a region, but there are none: place nodes in regions first, e.g. " + REGIONS_EXAMPLE
            : "one of the regions: " + String.join(", ", names);
    List<RegionLinkSettings> links = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Fields> items =
        NetworkReader.objects(f, REGION_LINKS, "a link between regions", REGION_LINK_EXAMPLE);
    for (int i = 0; i < items.size(); i++) {
      Fields link = items.get(i);
      String name = REGION_LINKS + "[" + i + "]";
      String from = NetworkReader.end(link, name, "from", names, "a region", allowed);
      String to = NetworkReader.end(link, name, "to", names, "a region", allowed);
      boolean oneWay = link.has(ONE_WAY) && link.bool(ONE_WAY);
      List<String> pairs = new ArrayList<>(List.of(from + " -> " + to));
      if (!oneWay && !from.equals(to)) {
        pairs.add(to + " -> " + from);
      }
      for (String pair : pairs) {
        Integer earlier = seen.putIfAbsent(pair, i);
        if (earlier != null) {
          String message =
              "%s repeats %s of %s[%d]: give the settings between two regions once"
                  + " (a region link applies both ways unless one-way = true)";
          throw link.fail("to", String.format(message, name, pair, REGION_LINKS, earlier));
        }
      }
      links.add(new RegionLinkSettings(from, to, oneWay, NetworkReader.patch(link, "")));
    }
    return links;
  }
}
