package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import com.typesafe.config.ConfigFactory;
import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClusterFormation;
import dev.replsim.node.HardState;
import dev.replsim.node.Journal;
import dev.replsim.node.JournalStore;
import dev.replsim.node.NodeFault;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
final class LiveCluster implements RunCluster, AutoCloseable {

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  /** Round trips between every pair of nodes before they start, to open every Artery connection. */
  private static final int WARMUP_ROUNDS = 200;
  /** How long clients may take to end their part once the run is over. */
  private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(10);

  private final Scenario scenario;
  private final NodeFactory factory;
  private final RunLoop timer;
  private final Recorder recorder;
  private final ClusterFormation formation;
  private final ClientFleet clients;
  /** Restarts run in the background, one thread each: a restart takes a second or two. */
  private final ExecutorService restarts = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "replsim-restart");
    t.setDaemon(true);
    return t;
  });
  private final Sampling sampling = new Sampling();
  private final Map<String, ActorRef<ReplicaNode.Command>> nodes = new ConcurrentHashMap<>();
  /** Per node, its running incarnation's crash switch. */
  private final Map<String, AtomicBoolean> crashSwitches = new ConcurrentHashMap<>();
  private final Incarnations lives;
  /** The nodes' durable journals, or null for the memory journal. */
  private final JournalStore journals;
  /** Per node, how long its latest incarnation took to recover its journal, in ms. */
  private final Map<String, Double> recoveredMs = new ConcurrentHashMap<>();

  private LiveCluster(Scenario scenario, NodeFactory factory, RunLoop timer, Recorder recorder,
      ClusterFormation formation, JournalStore journals) {
    this.journals = journals;
    this.scenario = scenario;
    this.factory = factory;
    this.timer = timer;
    this.recorder = recorder;
    this.formation = formation;
    this.clients = new ClientFleet(timer);
    this.lives = new Incarnations(scenario, factory, recorder);
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
        ready.add(cluster.spawnNode(node, all).ready());
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

  /** A node incarnation spawned: {@code ready} completes once it has found its peers. */
  private record Spawned(CompletableFuture<Void> ready, Incarnations.Start start) {}

  /** Spawns the node's next incarnation (after recovering its durable journal, if any). */
  private Spawned spawnNode(String node, Set<String> awaitPeers)
      throws InterruptedException, TimeoutException, ExecutionException {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    AtomicBoolean crashed = new AtomicBoolean();
    crashSwitches.put(node, crashed);
    Recovery r = null;
    ReplicaNode.JournalLink link = null;
    long startedAt = System.nanoTime();
    if (journals != null) {
      CompletableFuture<Recovery> recovery = new CompletableFuture<>();
      ActorRef<Journal.Command> journal = formation.spawn(node,
          Journal.create(journals.persistenceId(node), recovery), "journal", Journal.DISPATCHER);
      r = recovery.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      link = new ReplicaNode.JournalLink(journal, scenario.cluster().snapshotInterval());
    }
    recoveredMs.put(node, journals == null ? 0 : (System.nanoTime() - startedAt) / 1e6);
    Incarnations.Start start = lives.next(node, leader(), r);
    ActorRef<ReplicaNode.Command> ref = formation.spawn(node, ReplicaNode.create(start.core(),
        factory.wiring(node, start.incarnation(), timer, recorder, crashed, ReplicaNode.SERVICE), awaitPeers, ready,
        link), node);
    nodes.put(node, ref);
    return new Spawned(ready, start);
  }

  private CompletableFuture<Void> warmUp(String node, Set<String> peers) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    nodes.get(node).tell(new ReplicaNode.Warmup(WARMUP_ROUNDS, peers, done));
    return done;
  }

  @Override
  public RunLoop scheduler() {
    return timer;
  }

  @Override
  public String driver() {
    return "live";
  }

  /** Plays the workload on throwaway copies of the nodes and clients until the JIT compiler is quiet. */
  @Override
  public double rehearse() throws InterruptedException, TimeoutException, ExecutionException {
    return Rehearsal.run(scenario, formation, clients.system(), timer);
  }

  /**
   * Starts every node's protocol core at {@code atMicros}, the run's first instant: a core's
   * failure detector starts watching then, so nothing before it (a warm-up, a JIT pause) can make
   * a follower suspect its leader.
   */
  @Override
  public void startCores(long atMicros) {
    timer.at(atMicros, () -> nodes.values().forEach(n -> n.tell(ReplicaNode.Start.INSTANCE)));
  }

  /** The run's clients. */
  ClientFleet clients() {
    return clients;
  }

  /** Starts the clients, beside the nodes, writing to the leader and reading where their plans say. */
  @Override
  public void startClients(List<ClientPlan> plans) throws InterruptedException, TimeoutException, ExecutionException {
    clients.start(plans, nodes, recorder);
  }

  @Override
  public void beginClients() {
    clients.tell(Client.Begin.INSTANCE);
  }

  @Override
  public void haltClients() {
    clients.tell(Client.Halt.INSTANCE);
  }

  @Override
  public boolean arrivalsIssued() {
    return clients.arrivalsIssued();
  }

  @Override
  public void finishClients() throws InterruptedException, ExecutionException, TimeoutException {
    clients.finish(FINISH_TIMEOUT);
  }

  @Override
  public void awaitInstant(long atMicros) throws InterruptedException {
    timer.awaitInstant(atMicros);
  }

  @Override
  public void sampleEvery(long periodMicros, Runnable task) {
    sampling.every(periodMicros, task);
  }

  @Override
  public void stopSampling() {
    sampling.close();
  }

  @Override
  public String leader() {
    return factory.leadership().leader();
  }

  @Override
  public List<String> running() {
    List<String> up = new ArrayList<>();
    for (String node : scenario.allNodes()) {
      if (formation.isRunning(node)) {
        up.add(node);
      }
    }
    return up;
  }

  @Override
  public List<String> crashed() {
    return lives.down(formation::isRunning);
  }

  @Override
  public void faultStruck(String action, List<String> struck) {
    recorder.faultStruck(action, struck, timer.clock().nowMicros());
  }

  @Override
  public void tell(String node, NodeFault command) {
    if (formation.isRunning(node)) {
      nodes.get(node).tell(command);
    }
  }

  /** Stops the node's ActorSystem abruptly; with the memory journal all it held is gone. */
  @Override
  public void crash(String node) {
    crashSwitches.get(node).set(true); // at once: terminating its ActorSystem takes a while
    lives.crashed(node, timer.clock().nowMicros());
    nodes.remove(node);
    formation.crash(node);
    clients.tell(node.equals(leader()) ? Client.LeaderDown.INSTANCE : new Client.FollowerDown(node));
  }

  /**
   * Starts a crashed node again as its next incarnation (or an added follower for the first
   * time): a new ActorSystem joins the cluster, the node recovers its durable journal (if any),
   * finds the running ones, warms its connections up and starts, empty or with what it recovered.
   * Without failover a restarted leader starts a newer term, and clients are pointed at it; with
   * failover it follows whoever leads now. Records the recovery. Blocks until the node runs.
   */
  private void restartNow(String node) throws InterruptedException, TimeoutException, ExecutionException {
    long startedAt = timer.clock().nowMicros();
    formation.startNode(node);
    Set<String> peers = new HashSet<>(running());
    Spawned spawned = spawnNode(node, peers);
    boolean added = spawned.start().first(); // an add-follower: its first start
    boolean leadsAgain = spawned.start().leadsAgain();
    lives.started(spawned.start(), startedAt, recoveredMs.get(node), timer.clock().nowMicros());
    await(List.of(spawned.ready()));
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

  /** Restarts the node on a thread of its own, and records when it is up. */
  @Override
  public void restart(String node) {
    restarts.execute(() -> {
      try {
        restartNow(node);
        recorder.event(timer.clock().nowMicros(), "node-up", node, details());
      } catch (Exception e) {
        recorder.event(timer.clock().nowMicros(), "restart-failed", node,
            details("error", String.valueOf(e.getMessage())));
      }
    });
  }

  @Override
  public void awaitRestarts() throws InterruptedException {
    restarts.shutdown();
    restarts.awaitTermination(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * The crashed node's disk is lost: its next incarnation starts from an empty journal (with the
   * memory journal every restart does).
   */
  @Override
  public void wipe(String node) {
    lives.wipe(node);
    if (journals != null) {
      journals.wipe(node);
    }
  }

  /** The replication state of a running node, or null for a crashed one. */
  @Override
  public NodeStatus status(String node) throws InterruptedException, ExecutionException, TimeoutException {
    ActorRef<ReplicaNode.Command> ref = nodes.get(node);
    if (ref == null || !formation.isRunning(node)) {
      return null;
    }
    return AskPattern.<ReplicaNode.Command, NodeStatus>ask(ref, ReplicaNode.GetStatus::new, ASK_TIMEOUT,
            formation.system(node).scheduler())
        .toCompletableFuture().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a bounded read-only query on a running node's database. */
  @Override
  public Object inspect(String node, Function<Database, ?> query)
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
    sampling.close();
    restarts.shutdownNow();
    clients.close();
    formation.close();
    clients.awaitClosed();
  }
}
