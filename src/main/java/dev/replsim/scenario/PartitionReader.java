package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.fault.Fault;
import dev.replsim.fault.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a partition fault: either {@code isolate = <node or selector>} (those nodes against all
 * the others) or {@code groups = [[leader, follower-1], [follower-2, follower-3]]} (node names;
 * nodes in no group form one more group), and {@code one-way = true} to cut only the direction
 * from the first group to the second (nodes in neither group are then not cut off at all).
 */
final class PartitionReader {

  private static final String GROUPS_EXAMPLE = "groups = [[leader, follower-1], [follower-2, follower-3]]";

  private PartitionReader() {}

  static Fault.Partition read(Fields f, List<String> nodes) {
    boolean oneWay = f.has("one-way") && f.bool("one-way");
    if (f.has("isolate") == f.has("groups")) {
      throw f.fail("action", "a partition fault needs either isolate = <node> (that node against the rest) or "
          + GROUPS_EXAMPLE + ", not " + (f.has("isolate") ? "both" : "neither"));
    }
    if (f.has("isolate")) {
      return new Fault.Partition(List.of(FaultReader.target(f, "isolate", nodes), Target.REST), oneWay);
    }
    List<Target> groups = groups(f, nodes, oneWay);
    if (oneWay && groups.size() != 2) {
      throw f.bad("one-way", "needs exactly two groups: the first cannot reach the second");
    }
    return new Fault.Partition(groups, oneWay);
  }

  /** The groups; unless one-way, nodes no group names form one more group. */
  private static List<Target> groups(Fields f, List<String> nodes, boolean oneWay) {
    ConfigValue value = f.raw("groups");
    if (value.valueType() != ConfigValueType.LIST || ((ConfigList) value).isEmpty()) {
      throw f.bad("groups", "is not a list of groups: write " + GROUPS_EXAMPLE);
    }
    List<Target> groups = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    ConfigList list = (ConfigList) value;
    for (int g = 0; g < list.size(); g++) {
      ConfigValue group = list.get(g);
      String where = f.key("groups") + "[" + g + "]";
      if (group.valueType() != ConfigValueType.LIST || ((ConfigList) group).isEmpty()) {
        throw f.locations().error(Locations.leafOrigin(group),
            where + " = " + Fields.quoted(group) + " is not a group of nodes: write " + GROUPS_EXAMPLE);
      }
      List<String> members = new ArrayList<>();
      for (ConfigValue member : (ConfigList) group) {
        String node = String.valueOf(member.unwrapped());
        if (!nodes.contains(node)) {
          throw f.locations().error(Locations.leafOrigin(member),
              where + " names " + node + ", which is not a node: the nodes are " + Suggestions.and(nodes));
        }
        if (!placed.add(node)) {
          throw f.locations().error(Locations.leafOrigin(member),
              where + " names " + node + " again: each node is in one group");
        }
        members.add(node);
      }
      groups.add(Target.group(members));
    }
    if (placed.size() < nodes.size() && !oneWay) {
      groups.add(Target.REST);
    }
    if (groups.size() < 2) {
      throw f.bad("groups", "puts every node in one group: a partition needs at least two");
    }
    return groups;
  }
}
