package dev.replsim.node;

import dev.replsim.clock.Scheduler;
import dev.replsim.metrics.NodeTelemetry;
import dev.replsim.network.LinkModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * What a node's shell is connected to: the names of all nodes, its outbound links, the run's
 * clock and scheduler, where it reports to the run's recorder ({@link NodeTelemetry}), and where its
 * hard state (its votes) is kept.
 *
 * @param links builds this node's directed link to a node, by name, the first time it sends there
 *     (null for a node it has no link to): a follower of a thousand-node cluster talks to few of them
 * @param crashed set when the node crashes: from that instant it sends, records and answers
 *     nothing, although its ActorSystem takes a while to terminate
 * @param crashes when every node crashed, so that messages lost with their sender are dropped
 * @param service the Receptionist key the node registers under and finds its peers by: the run's
 *     nodes share one, a rehearsal's copies of them another (unused in virtual time)
 * @param leadership who leads the run's cluster, which the node reports its elections to
 */
public record NodeWiring(
    String name, List<String> nodes, Function<String, LinkModel> links, Scheduler timer, NodeTelemetry telemetry,
    HardState hardState, AtomicBoolean crashed, Crashes crashes, String service, Leadership leadership) {

  public NodeWiring {
    nodes = List.copyOf(nodes);
  }

  /**
   * A node with its links built already ({@code outLinks}, by destination), whose elections no
   * driver reads (a test's).
   */
  public NodeWiring(String name, List<String> nodes, Map<String, LinkModel> outLinks, Scheduler timer,
      NodeTelemetry telemetry, HardState hardState, AtomicBoolean crashed, Crashes crashes, String service) {
    this(name, nodes, Map.copyOf(outLinks)::get, timer, telemetry, hardState, crashed, crashes, service,
        new Leadership(nodes.isEmpty() ? name : nodes.get(0)));
  }
}
