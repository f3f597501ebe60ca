package dev.replsim.sim;

import com.typesafe.config.ConfigFactory;
import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClusterFormation;
import dev.replsim.node.HardState;
import dev.replsim.node.Journal;
import dev.replsim.node.JournalStore;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.ElectionSettings;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.Recovery;
import dev.replsim.scenario.Scenario;
import dev.replsim.storage.Database;
import dev.replsim.workload.Client;
import dev.replsim.workload.ClientPlan;
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
 * The nodes and clients of a live run, and what the fault injector does to them: one ActorSystem
 * per node in a Pekko Cluster, plus one local ActorSystem for the clients (so that a crashed
 * leader does not take its clients with it; clients reach the nodes' actors directly, in this
 * JVM, not through the emulated network: the leader to write, any node to read). A node can crash
 * and restart as its next incarnation, empty with the memory journal or with what its durable
 * journal recovered; a restarted leader starts a newer term, and clients are told which nodes are
 * down and given the new references when they are back. A follower named by an add-follower fault
 * starts for the first time mid-run.
 */
final class LiveCluster implements AutoCloseable {

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  /** Round trips between every pair of nodes before they start, to open every Artery connection. */
  private static final int WARMUP_ROUNDS = 200;

  private final Scenario scenario;
  private final NodeFactory factory;
  private final RunLoop timer;
  private final Recorder recorder;
  private final ClusterFormation formation;
  private final ClientFleet clients;
  private final Map<String, ActorRef<ReplicaNode.Command>> nodes = new ConcurrentHashMap<>();
  /** Per node, its running incarnation's crash switch. */
  private final Map<String, AtomicBoolean> crashSwitches = new ConcurrentHashMap<>();
  private final Map<String, Long> incarnations = new ConcurrentHashMap<>();
  private volatile long term = 1;
  /** The nodes' durable journals, or null for the memory journal. */
  private final JournalStore journals;
  /** Per node, what its latest incarnation recovered from its journal, and how long that took. */
  private final Map<String, Recovered> recovered = new ConcurrentHashMap<>();
  /** Nodes whose disk is lost: their next incarnation starts from an empty journal. */
  private final Set<String> wiped = ConcurrentHashMap.newKeySet();

  private record Recovered(Recovery recovery, double millis) {}

  private LiveCluster(Scenario scenario, NodeFactory factory, RunLoop timer, Recorder recorder,
      ClusterFormation formation, JournalStore journals) {
    this.journals = journals;
    this.scenario = scenario;
    this.factory = factory;
    this.timer = timer;
    this.recorder = recorder;
    this.formation = formation;
    this.clients = new ClientFleet(timer);
  }

  /**
   * Starts every node, waits until each sees the others and warms the connections up; the cores
   * start later, at the run's first instant ({@link #startCores}).
   */
  static LiveCluster start(Scenario scenario, NodeFactory factory, RunLoop timer, Recorder recorder,
      JournalStore journals) throws InterruptedException, TimeoutException, ExecutionException {
    if (journals != null) {
      scenario.allNodes().forEach(journals::createSchema);
    }
    ClusterFormation formation = ClusterFormation.start(scenario.nodes(), STARTUP_TIMEOUT,
        journals == null ? node -> ConfigFactory.empty() : journals::config, timer);
    LiveCluster cluster = new LiveCluster(scenario, factory, timer, recorder, formation, journals);
    try {
      Set<String> all = new HashSet<>(scenario.nodes());
      List<CompletableFuture<Void>> ready = new ArrayList<>();
      for (String node : scenario.nodes()) {
        ready.add(cluster.spawnNode(node, all));
      }
      await(ready);
      List<CompletableFuture<Void>> warm = new ArrayList<>();
      for (String node : scenario.nodes()) {
        warm.add(cluster.warmUp(node, others(all, node)));
      }
      await(warm);
      return cluster;
    } catch (InterruptedException | TimeoutException | ExecutionException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private CompletableFuture<Void> spawnNode(String node, Set<String> awaitPeers)
      throws InterruptedException, TimeoutException, ExecutionException {
    long incarnation = incarnations.merge(node, 1L, Long::sum);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    AtomicBoolean crashed = new AtomicBoolean();
    crashSwitches.put(node, crashed);
    HardState.Vote vote = factory.hardState().of(node, scenario.leader());
    ProtocolNode core;
    ReplicaNode.JournalLink link = null;
    if (journals != null) {
      long startedAt = System.nanoTime();
      CompletableFuture<Recovery> recovery = new CompletableFuture<>();
      ActorRef<Journal.Command> journal = formation.spawn(node,
          Journal.create(journals.persistenceId(node), recovery), "journal", Journal.DISPATCHER);
      Recovery r = recovery.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      core = factory.core(node, term, incarnation, vote, r, leader());
      recovered.put(node, new Recovered(r, (System.nanoTime() - startedAt) / 1e6));
      link = new ReplicaNode.JournalLink(journal, scenario.cluster().snapshotInterval());
    } else {
      core = factory.core(node, term, incarnation, vote, null, leader());
      recovered.put(node, new Recovered(Recovery.empty(), 0));
    }
    ActorRef<ReplicaNode.Command> ref = formation.spawn(node, ReplicaNode.create(core,
        factory.wiring(node, timer, recorder, crashed, ReplicaNode.SERVICE), awaitPeers, ready, link), node);
    nodes.put(node, ref);
    return ready;
  }

  private CompletableFuture<Void> warmUp(String node, Set<String> peers) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    nodes.get(node).tell(new ReplicaNode.Warmup(WARMUP_ROUNDS, peers, done));
    return done;
  }

  /** Plays the workload on throwaway copies of the nodes and clients until the JIT compiler is quiet. */
  double rehearse() throws InterruptedException, TimeoutException, ExecutionException {
    return Rehearsal.run(scenario, formation, clients.system(), timer);
  }

  /**
   * Starts every node's protocol core at {@code atMicros}, the run's first instant: a core's
   * failure detector starts watching then, so nothing before it (a warm-up, a JIT pause) can make
   * a follower suspect its leader.
   */
  void startCores(long atMicros) {
    timer.at(atMicros, () -> nodes.values().forEach(n -> n.tell(ReplicaNode.Start.INSTANCE)));
  }

  /** The run's clients. */
  ClientFleet clients() {
    return clients;
  }

  /** Starts the clients, beside the nodes, writing to the leader and reading where their plans say. */
  void startClients(List<ClientPlan> plans) throws InterruptedException, TimeoutException, ExecutionException {
    clients.start(plans, nodes, recorder);
  }

  /** The node that leads now: the scenario's first node, until a failover. */
  String leader() {
    return recorder.currentLeader();
  }

  /** Whether a failed leader is replaced (by an election or a switchover). */
  private boolean failsOver() {
    return scenario.failover().election().strategy() != ElectionSettings.Strategy.NONE;
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

  /** The nodes that ran and are down now (an added follower not added yet is not among them). */
  List<String> crashed() {
    List<String> down = new ArrayList<>();
    for (String node : scenario.allNodes()) {
      if (incarnations.containsKey(node) && !formation.isRunning(node)) {
        down.add(node);
      }
    }
    return down;
  }

  /** A fault struck these nodes now: if the leader is among them, a failover that follows is its doing. */
  void faultStruck(String action, List<String> struck) {
    recorder.faultStruck(action, struck, timer.clock().nowMicros());
  }

  /** Sends a command to a running node; a crashed node misses it. */
  void tell(String node, ReplicaNode.Command command) {
    if (formation.isRunning(node)) {
      nodes.get(node).tell(command);
    }
  }

  /** Stops the node's ActorSystem abruptly; with the memory journal all it held is gone. */
  void crash(String node) {
    crashSwitches.get(node).set(true); // at once: terminating its ActorSystem takes a while
    factory.crashes().crashed(node, timer.clock().nowMicros());
    nodes.remove(node);
    formation.crash(node);
    recorder.nodeDown(node, timer.clock().nowMicros());
    clients.tell(node.equals(leader()) ? Client.LeaderDown.INSTANCE : new Client.FollowerDown(node));
  }

  /**
   * Starts a crashed node again as its next incarnation (or an added follower for the first
   * time): a new ActorSystem joins the cluster, the node recovers its durable journal (if any),
   * finds the running ones, warms its connections up and starts, empty or with what it recovered.
   * Without failover a restarted leader starts a newer term, and clients are pointed at it; with
   * failover it follows whoever leads now. Records the recovery. Blocks until the node runs.
   */
  void restart(String node) throws InterruptedException, TimeoutException, ExecutionException {
    long startedAt = timer.clock().nowMicros();
    boolean added = !incarnations.containsKey(node); // an add-follower: its first start
    formation.startNode(node);
    Set<String> peers = new HashSet<>(running());
    boolean leadsAgain = node.equals(leader()) && !failsOver();
    if (leadsAgain) {
      term++;
    }
    CompletableFuture<Void> ready = spawnNode(node, peers);
    Recovered r = recovered.get(node);
    long recoveredLsn = r.recovery().lastLsn();
    if (leadsAgain && recoveredLsn > 0) {
      recorder.leaderRecovered(term, recoveredLsn, timer.clock().nowMicros());
    } else if (leadsAgain) {
      recorder.leaderRestarted(term, timer.clock().nowMicros());
    }
    recorder.nodeStarted(node, added ? "add-follower" : "restart", startedAt, journalKind(), wiped.remove(node),
        r.millis(), r.recovery().entries().size(), recoveredLsn);
    await(List.of(ready));
    await(List.of(warmUp(node, others(peers, node))));
    ActorRef<ReplicaNode.Command> ref = nodes.get(node);
    ref.tell(ReplicaNode.Start.INSTANCE);
    if (leadsAgain) {
      recorder.leaderCaughtUp(node, timer.clock().nowMicros());
    }
    if (!added) { // clients read from the cluster's followers; an added one is not among them
      clients.tell(leadsAgain ? new Client.LeaderIs(ref) : new Client.FollowerIs(node, ref));
    }
  }

  /**
   * The crashed node's disk is lost: its next incarnation starts from an empty journal (with the
   * memory journal every restart does).
   */
  void wipe(String node) {
    wiped.add(node);
    if (journals != null) {
      journals.wipe(node);
    }
  }

  private String journalKind() {
    String p = scenario.cluster().persistence();
    return p.startsWith("jdbc:") ? "jdbc" : p;
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

  @Override
  public void close() {
    clients.close();
    formation.close();
    clients.awaitClosed();
  }
}
