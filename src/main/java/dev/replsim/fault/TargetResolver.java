package dev.replsim.fault;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Resolves a fault's {@link Target} to nodes at the moment it fires, drawing random choices from
 * the fault injector's own seeded stream. Pure: the same stream, cluster and history give the
 * same choices.
 */
public final class TargetResolver {

  private final List<String> all;
  private final UniformRandomProvider stream;

  /** @param all every node of the cluster, up or down */
  public TargetResolver(List<String> all, UniformRandomProvider stream) {
    this.all = List.copyOf(all);
    this.stream = stream;
  }

  /**
   * The nodes {@code target} names among {@code pool} (the nodes a fault of its kind can hit: the
   * running ones for a crash, the crashed ones for a restart); empty when none qualifies.
   *
   * @param leader the node that leads now
   */
  public List<String> resolve(Target target, List<String> pool, String leader) {
    if (!target.isSelector()) {
      List<String> named = new ArrayList<>(target.nodes());
      named.retainAll(pool);
      return named;
    }
    List<String> followers = new ArrayList<>(pool);
    followers.remove(leader);
    switch (target.selector()) {
      case "current-leader":
        return pool.contains(leader) ? List.of(leader) : List.of();
      case "leader":
        // the node that leads now; else the node named leader (so "restart leader" brings back
        // the first leader after a failover has replaced it)
        if (pool.contains(leader)) {
          return List.of(leader);
        }
        return pool.contains("leader") ? List.of("leader") : List.of();
      case "random-follower":
        return pick(followers, 1);
      case "followers":
        return followers;
      case "one":
        return pick(pool, 1);
      case "minority":
        return pick(pool, Math.max(1, (all.size() - 1) / 2));
      case "majority":
        return pick(pool, all.size() / 2 + 1);
      default:
        return new ArrayList<>(pool);
    }
  }

  /** {@code count} distinct nodes of {@code from} at random, in cluster order (all of them if fewer). */
  private List<String> pick(List<String> from, int count) {
    List<String> left = new ArrayList<>(from);
    List<String> picked = new ArrayList<>();
    while (picked.size() < count && !left.isEmpty()) {
      picked.add(left.remove(stream.nextInt(left.size())));
    }
    picked.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
    return picked;
  }

  /**
   * A partition's groups as node sets: {@code rest} is every node the other groups do not name.
   * Selectors other than named nodes pick from every node, up or down.
   */
  public List<List<String>> groups(List<Target> groups, String leader) {
    List<List<String>> resolved = new ArrayList<>();
    List<String> named = new ArrayList<>();
    int rest = -1;
    for (Target group : groups) {
      if (group.equals(Target.REST)) {
        rest = resolved.size();
        resolved.add(new ArrayList<>());
      } else {
        List<String> nodes = resolve(group, all, leader);
        resolved.add(nodes);
        named.addAll(nodes);
      }
    }
    if (rest >= 0) {
      List<String> others = new ArrayList<>(all);
      others.removeAll(named);
      resolved.set(rest, others);
    }
    return resolved;
  }
}
