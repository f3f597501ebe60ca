package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.fault.Fault;
import dev.replsim.metrics.SummaryBuilder;
import dev.replsim.node.NodeFault;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.scenario.Scenario;
import java.util.List;

/**
 * Carries out the faults that reconfigure the whole cluster, {@code commit} and {@code method}, in
 * every driver alike: the {@link NodeFactory} takes the new setting first, so that every
 * incarnation started from then on (a restart, an added follower) starts with it, then every
 * running node is told, through the same {@link NodeFault} port as the other faults. A node that
 * is down now learns it when it restarts; a paused one when it resumes. Nothing undoes a
 * reconfiguration: another one changes it back.
 */
final class Reconfigurations {

  private final Scenario scenario;
  private final ClusterControl cluster;
  private final NodeFactory factory;

  Reconfigurations(Scenario scenario, ClusterControl cluster, NodeFactory factory) {
    this.scenario = scenario;
    this.cluster = cluster;
    this.factory = factory;
  }

  /** The commit rule in force, with the parts the fault gives, for every node from now on. */
  FaultActions.Applied commit(Fault.Commit change) {
    CommitPolicy policy = change.over(factory.commitPolicy());
    factory.commitPolicy(policy);
    List<String> nodes = cluster.running();
    nodes.forEach(n -> cluster.tell(n, new NodeFault.SetCommitPolicy(policy)));
    return new FaultActions.Applied(nodes, null, false, details("mode", SummaryBuilder.kebab(policy.mode()),
        "acks", policy.acks(), "ackLevel", SummaryBuilder.kebab(policy.ackLevel()),
        "timeoutMs", policy.timeoutMicros() / 1000.0));
  }

  /**
   * The new replication method, for every node from now on. A switch to WAL needs every node's
   * rows in pages, which a run has only when its scenario starts with WAL or schedules the switch
   * (see {@link Scenario#keepsPages()}); a switch struck otherwise (from the dashboard) fails.
   */
  FaultActions.Applied method(Fault.Method change) {
    String method = SummaryBuilder.kebab(change.method());
    if (change.method().needsPages() && !scenario.keepsPages()) {
      throw new IllegalStateException("a switch to " + method + " needs every node's rows in pages from the start:"
          + " schedule it in the scenario's faults, or start with cluster.replication.method = wal");
    }
    factory.method(change.method());
    var capture = factory.capture(change.method());
    List<String> nodes = cluster.running();
    nodes.forEach(n -> cluster.tell(n, new NodeFault.SetCapture(method, capture)));
    return new FaultActions.Applied(nodes, null, false, details("method", method));
  }
}
