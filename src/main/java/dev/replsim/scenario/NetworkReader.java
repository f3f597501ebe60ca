package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.network.LinkPatch;
import dev.replsim.network.LinkProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the {@code network} section: the default profile of every directed link,
 * the overrides for single links (whose ends must be nodes of the cluster), and regions ({@link
 * RegionReader}). {@link #patch} reads a link's settings from any object, for link overrides,
 * region links and link faults alike.
 */
final class NetworkReader {

  static final String LINKS = "network.links";

  /** The settings a link override, a region link or a link fault may hold. */
  static final List<String> PATCH_KEYS = List.of("delay", "loss", "duplicate", "reorder", "bandwidth");

  private static final String LINK_EXAMPLE =
      "{ from = leader, to = follower-1, delay = { distribution = constant, value = 80ms } }";
  private static final String PROBABILITY = "a probability from 0 to 1, or a percentage: 0.01 or 1%";
  private static final Pattern PERCENT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*%\\s*");

  private NetworkReader() {}

  static NetworkSettings read(Fields f, List<String> nodes) {
    LinkProfile defaults =
        new LinkProfile(
            DistributionReader.read(f, "network.delay"),
            probability(f, "network.loss"),
            probability(f, "network.duplicate"),
            f.bool("network.reorder"),
            BandwidthReader.bytesPerSecond(f, "network.bandwidth"));
    Map<String, List<String>> regions = RegionReader.regions(f, nodes);
    return new NetworkSettings(
        defaults, links(f, nodes), regions, RegionReader.regionLinks(f, regions));
  }

  /**
   * The link settings ({@link #PATCH_KEYS}) of the object that {@code f} reads, under {@code
   * prefix} ({@code ""} inside a list's object, or e.g. {@code "network."}); a setting that is
   * absent is null in the patch, so it keeps what lies underneath.
   */
  static LinkPatch patch(Fields f, String prefix) {
    String delay = prefix + "delay";
    String loss = prefix + "loss";
    String duplicate = prefix + "duplicate";
    String reorder = prefix + "reorder";
    String bandwidth = prefix + "bandwidth";
    return new LinkPatch(
        f.has(delay) ? DistributionReader.read(f, delay) : null,
        f.has(loss) ? probability(f, loss) : null,
        f.has(duplicate) ? probability(f, duplicate) : null,
        f.has(reorder) ? f.bool(reorder) : null,
        f.has(bandwidth) ? BandwidthReader.bytesPerSecond(f, bandwidth) : null);
  }

  /** A probability in [0, 1]; {@code 1%} is accepted for 0.01, as netem writes it. */
  static double probability(Fields f, String path) {
    ConfigValue value = f.raw(path);
    if (value != null && value.valueType() == ConfigValueType.STRING) {
      Matcher percent = PERCENT.matcher((String) value.unwrapped());
      if (percent.matches()) {
        double p = new BigDecimal(percent.group(1)).movePointLeft(2).doubleValue();
        f.check(p <= 1, path, PROBABILITY);
        return p;
      }
    }
    double p = f.number(path, PROBABILITY);
    f.check(p >= 0 && p <= 1, path, PROBABILITY);
    return p;
  }

  private static List<LinkSettings> links(Fields f, List<String> nodes) {
    List<LinkSettings> links = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Fields> items = objects(f, LINKS, "a link", LINK_EXAMPLE);
    for (int i = 0; i < items.size(); i++) {
      Fields link = items.get(i);
      String name = LINKS + "[" + i + "]";
      String allowed = "one of the nodes: " + String.join(", ", nodes);
      String from = end(link, name, "from", nodes, "a node", allowed);
      String to = end(link, name, "to", nodes, "a node", allowed);
      if (from.equals(to)) {
        throw link.bad("to", "is also the link's from: a link joins two different nodes");
      }
      Integer earlier = seen.putIfAbsent(from + " -> " + to, i);
      if (earlier != null) {
        String message = "%s repeats the link %s -> %s of %s[%d]: give each directed link once";
        throw link.fail("to", String.format(message, name, from, to, LINKS, earlier));
      }
      links.add(new LinkSettings(from, to, patch(link, "")));
    }
    return links;
  }

  /**
   * The objects of the list at {@code path}, each read by its own {@link Fields} whose messages
   * show {@code path[i].key}.
   *
   * @param noun what one object is, for messages: "a link"
   */
  static List<Fields> objects(Fields f, String path, String noun, String example) {
    ConfigValue value = f.raw(path);
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    if (value == null || value.valueType() != ConfigValueType.LIST) {
      throw f.bad(path, "is not a list: write " + leaf + " = [ " + example + " ]");
    }
    List<Fields> objects = new ArrayList<>();
    ConfigList list = (ConfigList) value;
    for (int i = 0; i < list.size(); i++) {
      String name = path + "[" + i + "]";
      ConfigValue item = list.get(i);
      if (item.valueType() != ConfigValueType.OBJECT) {
        throw f.locations()
            .error(
                Locations.leafOrigin(item),
                name + " = " + Fields.quoted(item) + " is not " + noun + ": write " + example);
      }
      objects.add(f.child((ConfigObject) item, name + "."));
    }
    return objects;
  }

  /**
   * One end of a link: one of {@code names}, or an error that says what is allowed.
   *
   * @param noun what an end is: "a node", "a region"
   */
  static String end(
      Fields link, String name, String key, List<String> names, String noun, String allowed) {
    if (!link.has(key)) {
      throw link.fail(key, name + " has no " + key + ": it must be " + allowed);
    }
    String end = link.string(key, allowed);
    if (!names.contains(end)) {
      throw link.bad(key, "is not " + noun + ": it must be " + allowed);
    }
    return end;
  }
}
