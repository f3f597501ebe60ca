package dev.replsim.sim;

import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClusterFormation;
import dev.replsim.node.Journal;
import dev.replsim.node.JournalStore;
import dev.replsim.node.NodeFault;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.Recovery;
import dev.replsim.scenario.Scenario;
import dev.replsim.storage.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The node actors of a live run, one ActorSystem each in a Pekko Cluster: each incarnation spawned
 * (after its durable journal, if any, recovered), found by its peers, its Artery connections warmed
 * up, and started; crashed by stopping its ActorSystem; asked for its status. What an incarnation
 * is and what its start records is {@link Incarnations}', as in virtual time.
 */
final class LiveNodes {

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  /** Round trips between every pair of nodes before they start, to open every Artery connection. */
  private static final int WARMUP_ROUNDS = 200;

  /** A node incarnation spawned (its journal recovered by {@code spawnedAtMicros}), not yet started. */
  record Spawned(ActorRef<ReplicaNode.Command> ref, Incarnations.Start start, double recoverMs,
      long spawnedAtMicros) {}

  private final Scenario scenario;
  private final NodeFactory factory;
  private final RunLoop timer;
  private final Recorder recorder;
  private final ClusterFormation formation;
  /** The nodes' durable journals, or null for the memory journal. */
  private final JournalStore journals;
  private final Incarnations lives;
  private final Map<String, ActorRef<ReplicaNode.Command>> nodes = new ConcurrentHashMap<>();
  /** Per node, its running incarnation's crash switch. */
  private final Map<String, AtomicBoolean> crashSwitches = new ConcurrentHashMap<>();

  LiveNodes(Scenario scenario, NodeFactory factory, RunLoop timer, Recorder recorder, ClusterFormation formation,
      JournalStore journals) {
    this.scenario = scenario;
    this.factory = factory;
    this.timer = timer;
    this.recorder = recorder;
    this.formation = formation;
    this.journals = journals;
    this.lives = new Incarnations(scenario, factory, recorder);
  }

  Incarnations lives() {
    return lives;
  }

  /** Spawns the run's first nodes, waits until each sees the others, and warms their connections up. */
  void spawnAll() throws InterruptedException, TimeoutException, ExecutionException {
    Set<String> all = new HashSet<>(scenario.nodes());
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (String node : scenario.nodes()) {
      ready.add(spawn(node, all, scenario.leader()).ready());
    }
    await(ready);
    List<CompletableFuture<Void>> warm = new ArrayList<>();
    for (String node : scenario.nodes()) {
      warm.add(warmUp(node, others(all, node)));
    }
    await(warm);
  }

  /**
   * Spawns the node's next incarnation in a new ActorSystem, lets it find the running nodes and
   * warm its connections up, and returns it, not yet started. Blocks until it is ready.
   *
   * @param leader the node that leads now
   */
  Spawned respawn(String node, String leader) throws InterruptedException, TimeoutException, ExecutionException {
    formation.startNode(node);
    Set<String> peers = new HashSet<>(running());
    long startedAt = System.nanoTime();
    Spawning spawning = spawn(node, peers, leader);
    double recoverMs = journals == null ? 0 : (System.nanoTime() - startedAt) / 1e6;
    long spawnedAt = timer.clock().nowMicros();
    await(List.of(spawning.ready()));
    await(List.of(warmUp(node, others(peers, node))));
    return new Spawned(nodes.get(node), spawning.start(), recoverMs, spawnedAt);
  }

  /** An incarnation spawned: {@code ready} completes once it has found its peers. */
  private record Spawning(CompletableFuture<Void> ready, Incarnations.Start start) {}

  /** Recovers the node's journal (if durable) and spawns its next incarnation. */
  private Spawning spawn(String node, Set<String> awaitPeers, String leader)
      throws InterruptedException, TimeoutException, ExecutionException {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    AtomicBoolean crashed = new AtomicBoolean();
    crashSwitches.put(node, crashed);
    Recovery recovery = null;
    ReplicaNode.JournalLink link = null;
    if (journals != null) {
      CompletableFuture<Recovery> recovered = new CompletableFuture<>();
      ActorRef<Journal.Command> journal = formation.spawn(node,
          Journal.create(journals.persistenceId(node), recovered), "journal", Journal.DISPATCHER);
      recovery = recovered.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      link = new ReplicaNode.JournalLink(journal, scenario.cluster().snapshotInterval());
    }
    Incarnations.Start s = lives.next(node, leader, recovery);
    nodes.put(node, formation.spawn(node, ReplicaNode.create(s.core(),
        factory.wiring(node, s.incarnation(), timer, recorder, crashed, ReplicaNode.SERVICE), awaitPeers, ready,
        link), node));
    return new Spawning(ready, s);
  }

  private CompletableFuture<Void> warmUp(String node, Set<String> peers) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    nodes.get(node).tell(new ReplicaNode.Warmup(WARMUP_ROUNDS, peers, done));
    return done;
  }

  /** Starts every running node's protocol core. */
  void startAll() {
    nodes.values().forEach(n -> n.tell(ReplicaNode.Start.INSTANCE));
  }

  List<String> running() {
    List<String> up = new ArrayList<>();
    for (String node : scenario.allNodes()) {
      if (formation.isRunning(node)) {
        up.add(node);
      }
    }
    return up;
  }

  List<String> crashed() {
    return lives.down(formation::isRunning);
  }

  /** Sends a fault to a running node; a crashed node misses it. */
  void tell(String node, NodeFault fault) {
    if (formation.isRunning(node)) {
      nodes.get(node).tell(fault);
    }
  }

  /** Stops the node's ActorSystem abruptly; with the memory journal all it held is gone. */
  void crash(String node) {
    crashSwitches.get(node).set(true); // at once: terminating its ActorSystem takes a while
    lives.crashed(node, timer.clock().nowMicros());
    nodes.remove(node);
    formation.crash(node);
  }

  /** The crashed node's disk is lost: its next incarnation starts from an empty journal. */
  void wipe(String node) {
    lives.wipe(node);
    if (journals != null) {
      journals.wipe(node);
    }
  }

  /** Every running node's actor, by name, for the clients. */
  Map<String, ActorRef<ReplicaNode.Command>> refs() {
    return nodes;
  }

  /** The replication state of a running node, or null for a crashed one. */
  NodeStatus status(String node) throws InterruptedException, ExecutionException, TimeoutException {
    ActorRef<ReplicaNode.Command> ref = nodes.get(node);
    if (ref == null || !formation.isRunning(node)) {
      return null;
    }
    return AskPattern.<ReplicaNode.Command, NodeStatus>ask(ref, ReplicaNode.GetStatus::new, ASK_TIMEOUT,
            formation.system(node).scheduler())
        .toCompletableFuture().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a bounded read-only query on a running node's database. */
  Object inspect(String node, Function<Database, ?> query)
      throws InterruptedException, ExecutionException, TimeoutException {
    return AskPattern.<ReplicaNode.Command, Object>ask(nodes.get(node),
            replyTo -> new ReplicaNode.Inspect<>(query::apply, replyTo), ASK_TIMEOUT,
            formation.system(node).scheduler())
        .toCompletableFuture().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Set<String> others(Set<String> nodes, String node) {
    Set<String> others = new HashSet<>(nodes);
    others.remove(node);
    return others;
  }

  private static void await(List<CompletableFuture<Void>> futures)
      throws InterruptedException, TimeoutException, ExecutionException {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
