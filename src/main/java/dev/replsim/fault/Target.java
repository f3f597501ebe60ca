package dev.replsim.fault;

import java.util.List;

/**
 * Which nodes a fault hits, resolved when it fires: named nodes, or a selector. Selectors follow
 * Jepsen's nemesis: {@code one} (a random node), {@code minority} (fewer than half, at random),
 * {@code majority} (more than half, at random), {@code all}, and the role selectors
 * {@code current-leader}, {@code leader} (the current leader, or when it is not among the nodes the
 * fault can hit, the node named {@code leader}: a restart after a failover brings that one back),
 * {@code random-follower} and {@code followers};
 * in a partition, {@code rest} is every node no other group names.
 *
 * @param selector the selector, or null when the target names its nodes
 * @param nodes the named nodes, empty for a selector
 */
public record Target(String selector, List<String> nodes) {

  /** Every selector, as scenarios write them. */
  public static final List<String> SELECTORS = List.of(
      "current-leader", "leader", "random-follower", "followers", "one", "minority", "majority", "all", "rest");

  /** Any node: written {@code *} in a link fault. */
  public static final Target ALL = selector("all");

  /** In a partition, every node not named in another group. */
  public static final Target REST = selector("rest");

  public Target {
    nodes = List.copyOf(nodes);
    if ((selector == null) == nodes.isEmpty()) {
      throw new IllegalArgumentException("a target is a selector or named nodes");
    }
  }

  public static Target selector(String selector) {
    if (!SELECTORS.contains(selector)) {
      throw new IllegalArgumentException("unknown selector " + selector);
    }
    return new Target(selector, List.of());
  }

  /** A node's name or a selector, as a scenario writes it. */
  public static Target parse(String written) {
    return SELECTORS.contains(written) ? selector(written) : node(written);
  }

  public static Target node(String name) {
    return new Target(null, List.of(name));
  }

  public static Target group(List<String> names) {
    return new Target(null, names);
  }

  public boolean isSelector() {
    return selector != null;
  }

  @Override
  public String toString() {
    return isSelector() ? selector : String.join(",", nodes);
  }
}
