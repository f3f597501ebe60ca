package dev.replsim.sim;

import dev.replsim.clock.Scheduler;
import dev.replsim.metrics.Recorder;
import dev.replsim.network.LinkModel;
import dev.replsim.node.Crashes;
import dev.replsim.node.HardState;
import dev.replsim.node.Leadership;
import dev.replsim.node.NodeWiring;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.protocol.ElectionSettings;
import dev.replsim.protocol.NodeSetup;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.ProtocolSettings;
import dev.replsim.protocol.Recovery;
import dev.replsim.protocol.Replicas;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.random.DurationSampler;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Builds each node's protocol core and wiring from a scenario, for every driver alike: the commit
 * rule, the node's database (of its storage version, with its own stream for RAND() and UUID()),
 * the leader's change capture for the replication method, the apply-time sampler on the node's
 * own stream, and its outbound links, each on the link's own stream. Every stream is named after
 * its node and incarnation, so a seed fixes every draw, and a restarted node draws afresh.
 *
 * <p>The commit rule and the replication method are the scenario's until a {@code commit} or
 * {@code method} fault changes them: from then on every incarnation it builds starts with the
 * rule and method in force, as a restarted database reads its current configuration.
 */
public final class NodeFactory {

  private final Scenario scenario;
  private final SeededStreams streams;
  /** The settings new incarnations start with; a commit fault changes the rule (on the fault worker). */
  private volatile ProtocolSettings protocol;
  /** The method new incarnations capture by; a method fault changes it. */
  private volatile ReplicationMethod method;
  /** Every node's votes, kept across its restarts. */
  private final HardState hardState = HardState.inMemory();
  private final Crashes crashes = new Crashes();
  private final Leadership leadership;

  public NodeFactory(Scenario scenario) {
    this(scenario, new SeededStreams(scenario.simulation().seed()));
  }

  /** Nodes drawing from other streams than the scenario's seed gives (a rehearsal's). */
  public NodeFactory(Scenario scenario, SeededStreams streams) {
    this.scenario = scenario;
    this.streams = streams;
    this.protocol = protocolSettings(scenario);
    this.method = scenario.cluster().replication().method();
    this.leadership = new Leadership(scenario.leader());
  }

  static ProtocolSettings protocolSettings(Scenario scenario) {
    ReplicationSettings r = scenario.cluster().replication();
    CommitPolicy commit = new CommitPolicy(r.mode(), r.acks(), r.ackLevel(), micros(r.timeout()),
        r.quorum(), r.standbys(), r.waitPoint());
    return new ProtocolSettings(commit, r.maxBatch(), r.maxInFlight(),
        micros(scenario.failover().heartbeatInterval()), scenario.failover().election(),
        scenario.cluster().logRetention());
  }

  /**
   * A node's core for one incarnation: the first start is incarnation 1, with the scenario's
   * leader leading term 1; each restart comes back empty (the memory journal keeps nothing) but
   * for its hard state. Without failover a restarted leader leads again, in a newer term; with
   * failover a restarted node follows whoever leads now, once it hears from them.
   *
   * @param term the cluster's current term, for a restart without failover
   * @param vote the node's last vote, kept across restarts
   */
  ProtocolNode core(String node, long term, long incarnation, HardState.Vote vote) {
    return core(node, term, incarnation, vote, null);
  }

  /**
   * A node's core for one incarnation, from what its durable journal recovered ({@code recovery};
   * null for the memory journal). A node that recovered a log or a snapshot comes back with it;
   * one whose journal is empty (its first start, or its disk was lost) starts as with the memory
   * journal. The vote is the later of the journal's and the one kept in this JVM: a vote's journal
   * write may not have completed when the node crashed, but the vote had left.
   */
  ProtocolNode core(String node, long term, long incarnation, HardState.Vote vote, Recovery recovery) {
    return core(node, term, incarnation, vote, recovery, scenario.leader());
  }

  /** @param joinLeader for a follower added mid-run: the node that leads now, which it joins */
  public ProtocolNode core(String node, long term, long incarnation, HardState.Vote vote, Recovery recovery,
      String joinLeader) {
    ProtocolSettings protocol = this.protocol;
    int version = scenario.cluster().storage().versionOf(node);
    Database database = ReplicationMethod.database(scenario.keepsPages(), version, scenario.workload().keys(),
        streams.stream("db:" + node + ":" + incarnation)::nextLong);
    List<String> peers = new ArrayList<>(scenario.nodes());
    peers.remove(node);
    UniformRandomProvider random = streams.stream("election:" + node + ":" + incarnation);
    NodeSetup setup = new NodeSetup(node, peers, incarnation, protocol,
        applyTime(node, incarnation),
        capture(method), random::nextLong);
    String leader = scenario.leader();
    if (incarnation == 1 && scenario.addedNodes().contains(node)) {
      return Replicas.joining(setup, joinLeader, term, database);
    }
    if (incarnation > 1 && recovery != null && (recovery.lastLsn() > 0 || recovery.image() != null)) {
      boolean failsOver = protocol.election().strategy() != ElectionSettings.Strategy.NONE;
      Recovery kept = vote.term() > recovery.term() ? new Recovery(recovery.snapshotLsn(), recovery.image(),
          recovery.history(), recovery.entries(), vote.term(), vote.candidate()) : recovery;
      return Replicas.recovered(setup, failsOver ? null : leader, failsOver ? kept.term() : term, kept, database);
    }
    if (incarnation == 1) {
      return node.equals(leader) ? Replicas.leading(setup, database) : Replicas.following(setup, leader, 1, leader,
          database);
    }
    if (protocol.election().strategy() == ElectionSettings.Strategy.NONE) {
      return node.equals(leader) ? Replicas.restartedLeader(setup, term, database)
          : Replicas.following(setup, leader, term, vote.candidate(), database);
    }
    return Replicas.rejoining(setup, vote.term(), vote.candidate(), database);
  }

  /** The commit rule in force: the scenario's, until a commit fault changed it. */
  public CommitPolicy commitPolicy() {
    return protocol.commit();
  }

  /** Incarnations built from now on commit by {@code policy}. */
  void commitPolicy(CommitPolicy policy) {
    protocol = protocol.with(policy);
  }

  /** The replication method in force: the scenario's, until a method fault changed it. */
  public ReplicationMethod method() {
    return method;
  }

  /** Incarnations built from now on capture by {@code method}. */
  void method(ReplicationMethod method) {
    this.method = method;
  }

  /** How a leader under {@code method} captures writes over its database, with the scenario's row image and checkpoints. */
  Function<Database, ChangeCapture> capture(ReplicationMethod method) {
    ReplicationSettings r = scenario.cluster().replication();
    long checkpoint = micros(scenario.cluster().storage().checkpointInterval());
    return db -> method.capture(db, r.rowImage(), checkpoint);
  }

  /** How long each entry takes {@code node} to apply in an incarnation, from the node's own stream. */
  DurationSampler applyTime(String node, long incarnation) {
    return scenario.cluster().applyTime(node).sampler(streams.stream("apply:" + node + ":" + incarnation));
  }

  /**
   * A node incarnation's wiring: its outbound links, drawing from streams of that incarnation.
   *
   * @param service the Receptionist key the node and its peers share
   */
  public NodeWiring wiring(String node, long incarnation, Scheduler timer, Recorder recorder, AtomicBoolean crashed,
      String service) {
    Set<String> others = new HashSet<>(scenario.allNodes());
    others.remove(node);
    Function<String, LinkModel> links = to -> others.contains(to)
        ? new LinkModel(node, to, scenario.network().profile(node, to), streams, incarnation) : null;
    return new NodeWiring(node, scenario.allNodes(), links, timer, recorder.telemetry(), hardState, crashed, crashes,
        service, leadership);
  }

  /** Who leads the cluster of the nodes this factory builds. */
  public Leadership leadership() {
    return leadership;
  }

  public Crashes crashes() {
    return crashes;
  }

  public HardState hardState() {
    return hardState;
  }

  public SeededStreams streams() {
    return streams;
  }

  public static long micros(java.time.Duration d) {
    return d.toNanos() / 1000;
  }
}
