package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.network.LinkPatch;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the {@code network} section: the default delay of every directed link and the
 * overrides for single links, whose ends must be nodes of the cluster.
 */
final class NetworkReader {

  private static final String LINK_EXAMPLE =
      "{ from = leader, to = follower-1, delay = { distribution = constant, value = 80ms } }";

  private NetworkReader() {}

  static NetworkSettings read(Fields f, List<String> nodes) {
    Distribution delay = DistributionReader.read(f, "network.delay");
    return new NetworkSettings(LinkProfile.of(delay), links(f, nodes));
  }

  private static List<LinkSettings> links(Fields f, List<String> nodes) {
    ConfigValue value = f.raw(KeySchema.LINKS);
    if (value == null || value.valueType() != ConfigValueType.LIST) {
      throw f.bad(KeySchema.LINKS, "is not a list: write links = [ " + LINK_EXAMPLE + " ]");
    }
    ConfigList list = (ConfigList) value;
    List<LinkSettings> links = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String name = KeySchema.LINKS + "[" + i + "]";
      ConfigValue item = list.get(i);
      if (item.valueType() != ConfigValueType.OBJECT) {
        throw f.locations()
            .error(
                Locations.leafOrigin(item),
                name + " = " + Fields.quoted(item) + " is not a link: write " + LINK_EXAMPLE);
      }
      Fields link = f.child((ConfigObject) item, name + ".");
      String from = end(link, name, "from", nodes);
      String to = end(link, name, "to", nodes);
      if (from.equals(to)) {
        throw link.bad("to", "is also the link's from: a link joins two different nodes");
      }
      Integer earlier = seen.putIfAbsent(from + " -> " + to, i);
      if (earlier != null) {
        String message = "%s repeats the link %s -> %s of %s[%d]: give each directed link once";
        throw link.fail("to", String.format(message, name, from, to, KeySchema.LINKS, earlier));
      }
      Distribution delay = link.has("delay") ? DistributionReader.read(link, "delay") : null;
      links.add(new LinkSettings(from, to, LinkPatch.delay(delay)));
    }
    return links;
  }

  /** One end of a link: a node name, or an error that lists the nodes. */
  private static String end(Fields link, String name, String key, List<String> nodes) {
    String allowed = "one of the nodes: " + String.join(", ", nodes);
    if (!link.has(key)) {
      throw link.fail(key, name + " has no " + key + ": it must be " + allowed);
    }
    String node = link.string(key, allowed);
    if (!nodes.contains(node)) {
      throw link.bad(key, "is not a node: it must be " + allowed);
    }
    return node;
  }
}
