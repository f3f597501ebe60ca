package dev.replsim.sim;

import dev.replsim.clock.PreciseTimer;
import dev.replsim.metrics.Recorder;
import dev.replsim.network.LinkModel;
import dev.replsim.node.NodeWiring;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.protocol.Follower;
import dev.replsim.protocol.Leader;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.ProtocolSettings;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds each node's protocol core and wiring from a scenario: the commit rule, the apply-time
 * sampler on the node's own stream, and its outbound links, each on the link's own stream.
 */
final class NodeFactory {

  private final Scenario scenario;
  private final SeededStreams streams;
  private final ProtocolSettings protocol;

  NodeFactory(Scenario scenario) {
    this.scenario = scenario;
    this.streams = new SeededStreams(scenario.simulation().seed());
    this.protocol = protocolSettings(scenario);
  }

  static ProtocolSettings protocolSettings(Scenario scenario) {
    ReplicationSettings r = scenario.cluster().replication();
    CommitPolicy commit = new CommitPolicy(r.mode(), r.acks(), r.ackLevel(), micros(r.timeout()));
    return new ProtocolSettings(commit, r.maxBatch(), r.maxInFlight(),
        micros(scenario.failover().heartbeatInterval()));
  }

  /**
   * A node's core for one incarnation: the first start is incarnation 1; each restart comes back
   * empty (the memory journal keeps nothing) with a higher one.
   *
   * @param term the term of the cluster's leader; a restarted leader starts a newer one
   */
  ProtocolNode core(String node, long term, long incarnation) {
    if (node.equals(scenario.leader())) {
      return new Leader(node, term, scenario.followers(), protocol);
    }
    return new Follower(node, scenario.leader(), term, incarnation, protocol,
        scenario.cluster().applyTime(node).sampler(streams.stream("apply:" + node + ":" + incarnation)));
  }

  NodeWiring wiring(String node, PreciseTimer timer, Recorder recorder) {
    Map<String, LinkModel> links = new LinkedHashMap<>();
    for (String to : scenario.nodes()) {
      if (!to.equals(node)) {
        links.put(to, new LinkModel(node, to, scenario.network().profile(node, to), streams));
      }
    }
    return new NodeWiring(node, scenario.nodes(), links, timer, recorder);
  }

  SeededStreams streams() {
    return streams;
  }

  static long micros(java.time.Duration d) {
    return d.toNanos() / 1000;
  }
}
