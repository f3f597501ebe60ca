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
import dev.replsim.storage.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds each node's protocol core and wiring from a scenario: the commit rule, the node's
 * database (of its storage version, with its own stream for RAND() and UUID()), the leader's
 * change capture for the replication method, the apply-time sampler on the node's own stream, and
 * its outbound links, each on the link's own stream.
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
    CommitPolicy commit = new CommitPolicy(r.mode(), r.acks(), r.ackLevel(), micros(r.timeout()),
        r.quorum(), r.standbys(), r.waitPoint());
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
    ReplicationSettings r = scenario.cluster().replication();
    int version = scenario.cluster().storage().versionOf(node);
    Database database = r.method().database(version, scenario.workload().keys(),
        streams.stream("db:" + node + ":" + incarnation)::nextLong);
    if (node.equals(scenario.leader())) {
      long checkpoint = micros(scenario.cluster().storage().checkpointInterval());
      return new Leader(node, term, scenario.followers(), protocol, r.method().capture(database, r.rowImage(), checkpoint));
    }
    return new Follower(node, scenario.leader(), term, incarnation, protocol,
        scenario.cluster().applyTime(node).sampler(streams.stream("apply:" + node + ":" + incarnation)), database);
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
