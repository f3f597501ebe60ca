package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.fault.Target;
import dev.replsim.network.LinkPatch;
import dev.replsim.protocol.ElectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code faults} list: each entry an object with {@code at}, {@code action}, the keys of
 * its action, an optional {@code name} (a heal names a partition by it) and an optional
 * {@code duration} after which the fault undoes itself. Keys depend on the action, so unknown
 * keys are checked here rather than against the defaults.
 */
final class FaultReader {

  static final String FAULTS = "faults";

  private static final List<String> COMMON = List.of("at", "action", "name", "duration");

  /** Each action and the keys it takes besides the common ones. */
  private static final Map<String, List<String>> ACTIONS = Map.ofEntries(
      Map.entry("crash", List.of("node")),
      Map.entry("restart", List.of("node", "wipe")),
      Map.entry("add-follower", List.of("node")),
      Map.entry("pause", List.of("node")),
      Map.entry("slow", List.of("node", "apply-time")),
      Map.entry("skew", List.of("node", "offset")),
      Map.entry("partition", List.of("groups", "isolate", "one-way")),
      Map.entry("heal", List.of("partition")),
      Map.entry("switchover", List.of("to")),
      Map.entry("link", List.of("from", "to", "both-ways", "delay", "loss", "duplicate", "reorder", "bandwidth")),
      Map.entry("commit", ReconfigurationReader.COMMIT_KEYS),
      Map.entry("method", List.of("method")));

  /** Every action: the cluster's above, and the workload's ({@link WorkloadFaultReader}). */
  private static final Map<String, List<String>> ALL_ACTIONS = merged(ACTIONS, WorkloadFaultReader.ACTIONS);

  private static final String EXAMPLE = "{ at = 10s, action = crash, node = follower-1, duration = 4s }";

  private FaultReader() {}

  /**
   * What an entry is checked against: the cluster's nodes, the run's duration (an entry's
   * {@code at} falls within it), the failover strategy (a switchover needs one that can change the
   * leader), the workload (which a rate fault changes) and {@code cluster.replication} (which a
   * commit fault changes).
   */
  record Settings(List<String> nodes, Duration runDuration, ElectionSettings.Strategy strategy,
      WorkloadSettings workload, ReplicationSettings replication) {}

  static List<ScheduledFault> read(Fields f, Settings settings) {
    ConfigValue value = f.raw(FAULTS);
    if (value == null || value.valueType() != ConfigValueType.LIST) {
      throw f.bad(FAULTS, "is not a list: write faults = [ " + EXAMPLE + " ]");
    }
    ConfigList list = (ConfigList) value;
    List<ScheduledFault> faults = new ArrayList<>();
    Map<String, Fields> where = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String name = FAULTS + "[" + i + "]";
      ConfigValue item = list.get(i);
      if (item.valueType() != ConfigValueType.OBJECT) {
        throw f.locations().error(Locations.leafOrigin(item),
            name + " = " + Fields.quoted(item) + " is not a fault: write " + EXAMPLE);
      }
      Fields fault = f.child((ConfigObject) item, name + ".");
      ScheduledFault read = entry(fault, (ConfigObject) item, "f" + (i + 1), settings);
      if (read.fault() instanceof Fault.AddFollower && faults.stream().anyMatch(
          earlier -> earlier.fault().equals(read.fault()))) {
        throw fault.bad("node", "is added by an earlier fault: each added follower needs its own name");
      }
      if (where.putIfAbsent(read.id(), fault) != null) {
        throw fault.bad("name", "is the name of an earlier fault: give each fault its own name");
      }
      faults.add(read);
    }
    ScheduleCheck.check(faults, where);
    ReconfigurationReader.checkSchedule(faults, where, settings.replication(), settings.nodes().size() - 1);
    return faults;
  }

  /**
   * One entry, read and checked against the scenario's settings (not yet against the other
   * entries): the scenario's faults, and an action the dashboard gives now ({@link ActionReader}).
   */
  static ScheduledFault entry(Fields f, ConfigObject object, String defaultId, Settings settings) {
    ScheduledFault read = one(f, object, defaultId, settings.nodes(), settings.runDuration(), settings.replication());
    if (read.fault() instanceof Fault.Switchover && settings.strategy() == ElectionSettings.Strategy.NONE) {
      throw f.bad("action", "needs failover: set failover.strategy = manual (or election) for a switchover");
    }
    WorkloadFaultReader.check(f, read, settings.workload());
    return read;
  }

  private static ScheduledFault one(Fields f, ConfigObject object, String defaultId, List<String> nodes,
      Duration runDuration, ReplicationSettings replication) {
    String action = action(f);
    checkKeys(f, object, action);
    Duration at = f.durationIn("at", Duration.ZERO, runDuration.minusNanos(1000),
        "a time from 0 up to simulation.duration = " + runDuration.toMillis() + "ms, e.g. 5s");
    String id = f.has("name") ? f.string("name", "a name, e.g. p1") : defaultId;
    long duration = f.has("duration")
        ? micros(f.durationIn("duration", Duration.ofMillis(1), Fields.LONGEST, "at least 1ms, e.g. 2s")) : 0;
    Fault fault = fault(f, action, nodes, replication);
    if (fault.reconfigures() && duration > 0) {
      ReconfigurationReader.refuseDuration(f, fault);
    }
    if (fault instanceof Fault.Pause && duration == 0) {
      throw f.fail("action", f.key("action") + " = pause needs a duration: how long the node stops, e.g. duration = 2s");
    }
    return new ScheduledFault(id, micros(at), fault, duration);
  }

  private static String action(Fields f) {
    List<String> actions = new ArrayList<>(ALL_ACTIONS.keySet());
    actions.sort(null);
    String allowed = Suggestions.or(actions);
    if (!f.has("action")) {
      throw f.fail("at", f.key("action").replace(".action", "") + " has no action: it must be " + allowed);
    }
    String action = f.string("action", allowed);
    if (!ALL_ACTIONS.containsKey(action)) {
      String hint = Suggestions.nearest(action, actions).map(n -> "; did you mean " + n + "?").orElse("");
      throw f.bad("action", "is not a fault action: must be " + allowed + hint);
    }
    return action;
  }

  private static void checkKeys(Fields f, ConfigObject object, String action) {
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(ALL_ACTIONS.get(action));
    for (String key : object.keySet()) {
      if (!allowed.contains(key)) {
        Optional<String> near = Suggestions.nearest(key, allowed);
        throw f.fail(key, "unknown key " + f.key(key) + " for a " + action + " fault"
            + near.map(n -> "; did you mean " + f.key(n) + "?").orElse("; it takes " + Suggestions.and(allowed)));
      }
    }
  }

  private static Fault fault(Fields f, String action, List<String> nodes, ReplicationSettings replication) {
    switch (action) {
      case "commit":
        return ReconfigurationReader.commit(f, replication, nodes.size() - 1);
      case "method":
        return ReconfigurationReader.method(f);
      case "crash":
        return new Fault.Crash(target(f, "node", nodes));
      case "restart":
        return new Fault.Restart(target(f, "node", nodes), f.has("wipe") && f.bool("wipe"));
      case "pause":
        return new Fault.Pause(target(f, "node", nodes));
      case "add-follower":
        return new Fault.AddFollower(newNode(f, nodes));
      case "slow":
        return new Fault.Slow(target(f, "node", nodes), DistributionReader.read(f, "apply-time"));
      case "skew":
        return new Fault.Skew(target(f, "node", nodes), micros(f.duration("offset", "a duration, e.g. 500ms or -2s")));
      case "partition":
        return PartitionReader.read(f, nodes);
      case "heal":
        return new Fault.Heal(f.has("partition") ? f.string("partition", "a partition's name") : null);
      case "switchover":
        return new Fault.Switchover(f.has("to") ? target(f, "to", nodes) : null);
      case "rate":
      case "clients":
        return WorkloadFaultReader.read(f, action);
      default:
        return link(f, nodes);
    }
  }

  private static Fault link(Fields f, List<String> nodes) {
    Target from = f.has("from") ? target(f, "from", nodes) : Target.ALL;
    Target to = f.has("to") ? target(f, "to", nodes) : Target.ALL;
    boolean bothWays = f.has("both-ways") && f.bool("both-ways");
    LinkPatch patch = NetworkReader.patch(f, "");
    if (patch.isEmpty()) {
      throw f.fail("action", "a link fault changes something: give it a delay, loss, duplicate, reorder or bandwidth");
    }
    return new Fault.LinkChange(from, to, bothWays, patch);
  }

  /** The name of a node to add: a new name, not one of the cluster's. */
  private static String newNode(Fields f, List<String> nodes) {
    if (!f.has("node")) {
      throw f.fail("action", f.key("node") + " is missing: name the node to add, e.g. node = follower-9");
    }
    String name = f.string("node", "a new node's name, e.g. follower-9");
    if (nodes.contains(name)) {
      throw f.bad("node", "is already a node of the cluster: an added follower needs a new name, e.g. follower-"
          + nodes.size());
    }
    if (!name.matches("[a-z][a-z0-9-]*") || Target.SELECTORS.contains(name)) {
      throw f.bad("node", "is not a valid node name: lower-case letters, digits and '-', starting with a letter,"
          + " and not a selector");
    }
    return name;
  }

  /** A node's name or a selector; {@code *} is every node. */
  static Target target(Fields f, String key, List<String> nodes) {
    List<String> allowed = new ArrayList<>(nodes);
    allowed.addAll(Target.SELECTORS);
    allowed.remove("rest");
    if (!f.has(key)) {
      throw f.fail("action", f.key(key) + " is missing: it must be a node or a selector: " + Suggestions.or(allowed));
    }
    String written = f.string(key, "a node or a selector");
    if (written.equals("*")) {
      return Target.ALL;
    }
    if (!allowed.contains(written)) {
      String hint = Suggestions.nearest(written, allowed).map(n -> "; did you mean " + n + "?").orElse("");
      throw f.bad(key, "is not a node or a selector: must be " + Suggestions.or(allowed) + hint);
    }
    return Target.parse(written);
  }

  private static Map<String, List<String>> merged(Map<String, List<String>> a, Map<String, List<String>> b) {
    Map<String, List<String>> all = new HashMap<>(a);
    all.putAll(b);
    return Map.copyOf(all);
  }

  static long micros(Duration d) {
    return d.toNanos() / 1000;
  }
}
