package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.fault.TargetResolver;
import dev.replsim.node.NodeFault;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each kind of fault does to a cluster, and how it is undone: the fault injector decides
 * when, this class decides how. Every undo puts back the scenario's own setting (its apply time,
 * its link profile, a true clock), not whatever another fault set in between.
 */
final class FaultActions {

  /**
   * A fault carried out.
   *
   * @param nodes the nodes it hit
   * @param undo how to undo it, or null when it needs no undoing (a restart, a heal)
   * @param survivesEnd whether it stays when the writes end (a crash without a duration)
   * @param details what else {@code events.jsonl} should say about it
   */
  record Applied(List<String> nodes, Runnable undo, boolean survivesEnd, Map<String, Object> details) {

    Applied(List<String> nodes, Runnable undo, boolean survivesEnd) {
      this(nodes, undo, survivesEnd, Map.of());
    }
  }

  private final Scenario scenario;
  private final ClusterControl cluster;
  private final NodeFactory factory;
  private final WorkloadActions workload;
  private final Reconfigurations reconfigurations;

  FaultActions(Scenario scenario, ClusterControl cluster, NodeFactory factory) {
    this.scenario = scenario;
    this.cluster = cluster;
    this.factory = factory;
    this.workload = new WorkloadActions(scenario, cluster);
    this.reconfigurations = new Reconfigurations(scenario, cluster, factory);
  }

  private void restart(List<String> nodes) {
    nodes.forEach(cluster::restart);
  }

  Applied apply(ScheduledFault scheduled, TargetResolver targets, FaultInjector injector) {
    Fault fault = scheduled.fault();
    String leader = cluster.leader();
    if (fault instanceof Fault.Crash) {
      List<String> nodes = targets.resolve(((Fault.Crash) fault).target(), cluster.running(), leader);
      nodes.forEach(cluster::crash);
      return new Applied(nodes, () -> restart(nodes), !scheduled.undoes());
    }
    if (fault instanceof Fault.Restart) {
      List<String> nodes = targets.resolve(((Fault.Restart) fault).target(), cluster.crashed(), leader);
      if (((Fault.Restart) fault).wipe()) {
        nodes.forEach(cluster::wipe);
      }
      restart(nodes);
      return new Applied(nodes, null, false);
    }
    if (fault instanceof Fault.AddFollower) {
      List<String> nodes = List.of(((Fault.AddFollower) fault).node());
      restart(nodes); // a first start, in the background like a restart
      return new Applied(nodes, null, false);
    }
    if (fault instanceof Fault.Pause) {
      List<String> nodes = targets.resolve(((Fault.Pause) fault).target(), cluster.running(), leader);
      nodes.forEach(n -> cluster.tell(n, NodeFault.Pause.INSTANCE));
      return new Applied(nodes, () -> nodes.forEach(n -> cluster.tell(n, NodeFault.Resume.INSTANCE)), false);
    }
    if (fault instanceof Fault.Slow) {
      Fault.Slow slow = (Fault.Slow) fault;
      List<String> nodes = targets.resolve(slow.target(), cluster.running(), leader);
      nodes.forEach(n -> cluster.tell(n, new NodeFault.SetApplyTime(
          slow.applyTime().sampler(factory.streams().stream("slow:" + scheduled.id() + ":" + n)))));
      return new Applied(nodes, () -> nodes.forEach(n -> cluster.tell(n, new NodeFault.SetApplyTime(
          scenario.cluster().applyTime(n).sampler(factory.streams().stream("apply:" + n + ":" + scheduled.id()))))),
          false, details("applyTime", slow.applyTime().describe()));
    }
    if (fault instanceof Fault.Skew) {
      Fault.Skew skew = (Fault.Skew) fault;
      List<String> nodes = targets.resolve(skew.target(), cluster.running(), leader);
      nodes.forEach(n -> cluster.tell(n, new NodeFault.SetClockSkew(skew.offsetMicros())));
      return new Applied(nodes, () -> nodes.forEach(n -> cluster.tell(n, new NodeFault.SetClockSkew(0))), false,
          details("offsetMs", skew.offsetMicros() / 1000.0));
    }
    if (fault instanceof Fault.Partition) {
      return partition((Fault.Partition) fault, targets, leader);
    }
    if (fault instanceof Fault.LinkChange) {
      return link((Fault.LinkChange) fault, targets, leader);
    }
    if (fault instanceof Fault.Switchover) {
      return switchover((Fault.Switchover) fault, targets, leader);
    }
    if (fault instanceof Fault.Rate || fault instanceof Fault.Clients) {
      return workload.apply(scheduled, injector);
    }
    if (fault instanceof Fault.Commit c) {
      return reconfigurations.commit(c);
    }
    if (fault instanceof Fault.Method m) {
      return reconfigurations.method(m);
    }
    Fault.Heal heal = (Fault.Heal) fault;
    List<String> healed = heal.partition() != null ? List.of(heal.partition()) : injector.activePartitions();
    healed.forEach(id -> injector.heal(id, scheduled.id()));
    return new Applied(List.of(), null, false);
  }

  /** Asks the leader to hand over to the target, or to its most caught-up follower. */
  private Applied switchover(Fault.Switchover s, TargetResolver targets, String leader) {
    String to = null;
    if (s.to() != null) {
      List<String> candidates = new ArrayList<>(cluster.running());
      candidates.remove(leader);
      List<String> resolved = targets.resolve(s.to(), candidates, leader);
      if (resolved.isEmpty()) {
        return new Applied(List.of(), null, false);
      }
      to = resolved.get(0);
    }
    cluster.tell(leader, new NodeFault.Switchover(to));
    return new Applied(List.of(leader), null, false, details("to", to == null ? "most caught-up" : to));
  }

  /** Cuts every link from one group to another (only first to second when one-way). */
  private Applied partition(Fault.Partition p, TargetResolver targets, String leader) {
    List<List<String>> groups = targets.groups(p.groups(), leader);
    List<String[]> cuts = new ArrayList<>();
    for (int a = 0; a < groups.size(); a++) {
      for (int b = 0; b < groups.size(); b++) {
        if (a != b && (!p.oneWay() || (a == 0 && b == 1))) {
          for (String from : groups.get(a)) {
            for (String to : groups.get(b)) {
              cuts.add(new String[] {from, to});
            }
          }
        }
      }
    }
    cuts.forEach(c -> cluster.tell(c[0], new NodeFault.CutLink(c[1], true)));
    // every node on either side lost links: a leader among them may be replaced
    cluster.faultStruck("partition", groups.stream().flatMap(List::stream).toList());
    // the nodes it hits: the first group, cut off from the rest (or unable to reach the second)
    List<String> nodes = groups.get(0);
    return new Applied(nodes, () -> cuts.forEach(c -> cluster.tell(c[0], new NodeFault.CutLink(c[1], false))),
        false, details("groups", groups, "oneWay", p.oneWay()));
  }

  /** Lays the patch over the scenario's profile of every link from the from-nodes to the to-nodes. */
  private Applied link(Fault.LinkChange change, TargetResolver targets, String leader) {
    List<String> from = targets.resolve(change.from(), scenario.nodes(), leader);
    List<String> to = targets.resolve(change.to(), scenario.nodes(), leader);
    List<String[]> links = new ArrayList<>();
    for (String a : from) {
      for (String b : to) {
        if (!a.equals(b)) {
          links.add(new String[] {a, b});
          if (change.bothWays()) {
            links.add(new String[] {b, a});
          }
        }
      }
    }
    links.forEach(l -> cluster.tell(l[0],
        new NodeFault.SetLinkProfile(l[1], scenario.network().profile(l[0], l[1]).with(change.patch()))));
    List<String> nodes = from.size() < to.size() ? from : to; // the target, not every node
    List<String> named = links.stream().map(l -> l[0] + "->" + l[1]).toList();
    return new Applied(nodes, () -> links.forEach(l -> cluster.tell(l[0],
        new NodeFault.SetLinkProfile(l[1], scenario.network().profile(l[0], l[1])))), false,
        details("links", named, "change", change.patch().describe()));
  }
}
