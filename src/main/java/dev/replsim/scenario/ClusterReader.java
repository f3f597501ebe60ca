package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.replsim.random.Distribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates the {@code cluster} section: nodes, replication (see {@link
 * ReplicationReader}), persistence and storage (see {@link StorageReader}).
 */
final class ClusterReader {

  /** A live run starts an ActorSystem per node in one JVM: more than this does not fit. */
  private static final int MAX_LIVE_FOLLOWERS = 64;
  /** A virtual run's nodes are objects on one thread. */
  private static final int MAX_VIRTUAL_FOLLOWERS = 10_000;
  private static final Pattern NODE_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** Fault targets accept these role selectors, so a node may not be called by one of them. */
  private static final List<String> SELECTORS =
      List.of("current-leader", "random-follower", "minority", "majority");

  private ClusterReader() {}

  static ClusterSettings read(Fields f, TimeMode time) {
    int followers = time == TimeMode.VIRTUAL
        ? (int) f.wholeNumber("cluster.followers", 0, MAX_VIRTUAL_FOLLOWERS, "0.." + MAX_VIRTUAL_FOLLOWERS
            + " in virtual time")
        : (int) f.wholeNumber("cluster.followers", 0, MAX_LIVE_FOLLOWERS, "0.." + MAX_LIVE_FOLLOWERS
            + " (up to " + MAX_VIRTUAL_FOLLOWERS + " in virtual time)");
    List<String> nodes = nodes(f, followers);
    ReplicationSettings replication = ReplicationReader.read(f, nodes);
    String persistence = JournalReader.persistence(f);
    long snapshotInterval = f.wholeNumber("cluster.snapshot-interval", 1, Long.MAX_VALUE / 2, "at least 1 (entries)");
    long retention = f.wholeNumber("cluster.log-retention", 0, Long.MAX_VALUE / 2, "at least 0 (entries)");
    f.check(retention >= snapshotInterval, "cluster.log-retention",
        "at least cluster.snapshot-interval (" + snapshotInterval + "), so that a follower that restarts from its "
            + "last snapshot finds the entries after it in the leader's log");
    return new ClusterSettings(nodes, replication, persistence, DistributionReader.read(f, "cluster.apply-time"),
        nodeApplyTimes(f, nodes), StorageReader.read(f, nodes), snapshotInterval, retention,
        DistributionReader.read(f, "cluster.journal-write-time"));
  }

  /** The given names, checked, or {@code leader, follower-1 ... follower-N}. */
  static final String NODE_APPLY_TIME = "cluster.node-apply-time";

  /** {@code cluster.node-apply-time = { follower-2 = { distribution = ..., ... } }}: per-node apply times. */
  private static Map<String, Distribution> nodeApplyTimes(Fields f, List<String> nodes) {
    ConfigValue raw = f.raw(NODE_APPLY_TIME);
    if (!(raw instanceof ConfigObject)) {
      throw f.bad(NODE_APPLY_TIME,
          "is not an object: write node-apply-time = { follower-2 = { distribution = constant, value = 5ms } }");
    }
    Map<String, Distribution> times = new LinkedHashMap<>();
    Fields perNode = f.child((ConfigObject) raw, NODE_APPLY_TIME + ".");
    for (String node : ((ConfigObject) raw).keySet()) {
      if (!nodes.contains(node)) {
        throw perNode.bad(node, "names no node: the nodes are " + Suggestions.and(nodes)
            + Suggestions.nearest(node, nodes).map(n -> "; did you mean " + n + "?").orElse(""));
      }
      times.put(node, DistributionReader.read(perNode, node));
    }
    return times;
  }

  private static List<String> nodes(Fields f, int followers) {
    String allowed = "an empty list or " + (followers + 1) + " names, the leader first";
    List<String> names = f.strings("cluster.names", allowed);
    if (names.isEmpty()) {
      List<String> nodes = new ArrayList<>();
      nodes.add("leader");
      for (int i = 1; i <= followers; i++) {
        nodes.add("follower-" + i);
      }
      return nodes;
    }
    if (names.size() != followers + 1) {
      String message =
          "cluster.names has %d names, but cluster.followers = %d needs %d:"
              + " the leader first, then one name per follower";
      throw f.fail("cluster.names", String.format(message, names.size(), followers, followers + 1));
    }
    ConfigList list = (ConfigList) f.raw("cluster.names");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      ConfigValue item = list.get(i);
      String problem = null;
      if (!NODE_NAME.matcher(name).matches()) {
        problem =
            "is not a valid node name: it must start with a lower-case letter and hold only a-z,"
                + " 0-9 and -";
      } else if (SELECTORS.contains(name)) {
        problem =
            String.format(
                "is reserved: fault targets use it to pick a node by role (%s)",
                Suggestions.and(SELECTORS));
      } else if (names.indexOf(name) < i) {
        problem = "repeats cluster.names[" + names.indexOf(name) + "]: node names must be unique";
      }
      if (problem != null) {
        throw f.locations()
            .error(
                Locations.leafOrigin(item),
                "cluster.names[" + i + "] = " + Fields.quoted(item) + " " + problem);
      }
    }
    return names;
  }


}
