package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import com.typesafe.config.ConfigFactory;
import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClusterFormation;
import dev.replsim.node.JournalStore;
import dev.replsim.node.NodeFault;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.scenario.Scenario;
import dev.replsim.storage.Database;
import dev.replsim.workload.Client;
import dev.replsim.workload.ClientPlan;
import dev.replsim.workload.WorkloadChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A live run's cluster as {@link RunExecution} and the fault injector drive it: its nodes ({@link
 * LiveNodes}: one ActorSystem per node in a Pekko Cluster), plus one local ActorSystem for the
 * clients (so that a crashed leader does not take its clients with it; clients reach the nodes'
 * actors directly, in this JVM, not through the emulated network: the leader to write, any node to
 * read). A node can crash and restart as its next incarnation, in the background; clients are told
 * which nodes are down and given the new references when they are back. A follower named by an
 * add-follower fault starts for the first time mid-run.
 */
final class LiveCluster implements RunCluster, AutoCloseable {

  static final Duration STARTUP_TIMEOUT = LiveNodes.STARTUP_TIMEOUT;
  /** How long clients may take to end their part once the run is over. */
  private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(10);

  private final Scenario scenario;
  private final NodeFactory factory;
  private final RunLoop timer;
  private final Recorder recorder;
  private final ClusterFormation formation;
  private final LiveNodes nodes;
  private final ClientFleet clients;
  /** Restarts run in the background, one thread each: a restart takes a second or two. */
  private final ExecutorService restarts = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "replsim-restart");
    t.setDaemon(true);
    return t;
  });
  private final Sampling sampling = new Sampling();

  private LiveCluster(Scenario scenario, NodeFactory factory, RunLoop timer, Recorder recorder,
      ClusterFormation formation, JournalStore journals) {
    this.scenario = scenario;
    this.factory = factory;
    this.timer = timer;
    this.recorder = recorder;
    this.formation = formation;
    this.nodes = new LiveNodes(scenario, factory, timer, recorder, formation, journals);
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
      cluster.nodes.spawnAll();
      return cluster;
    } catch (InterruptedException | TimeoutException | ExecutionException | RuntimeException e) {
      cluster.close();
      throw e;
    }
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
    timer.at(atMicros, nodes::startAll);
  }

  @Override
  public void startClients(List<ClientPlan> plans) throws InterruptedException, TimeoutException, ExecutionException {
    clients.start(plans, nodes.refs(), recorder);
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
  public void awaitInstant(long atMicros, CompletionStage<?> orStop) throws InterruptedException {
    timer.awaitInstant(atMicros, orStop);
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
    return nodes.running();
  }

  @Override
  public List<String> crashed() {
    return nodes.crashed();
  }

  @Override
  public void faultStruck(String action, List<String> struck) {
    recorder.faultStruck(action, struck, timer.clock().nowMicros());
  }

  @Override
  public void changeWorkload(WorkloadChange change) {
    clients.tell(new Client.Change(change));
  }

  @Override
  public void tell(String node, NodeFault fault) {
    nodes.tell(node, fault);
  }

  /** Stops the node's ActorSystem abruptly, and its clients hear its connection drop. */
  @Override
  public void crash(String node) {
    boolean leader = node.equals(leader());
    nodes.crash(node);
    clients.tell(leader ? Client.LeaderDown.INSTANCE : new Client.FollowerDown(node));
  }

  /**
   * Starts a crashed node again as its next incarnation (or an added follower for the first
   * time), on a thread of its own: it recovers its durable journal (if any), finds the running
   * nodes, warms its connections up and starts. Without failover a restarted leader leads a newer
   * term, and clients are pointed at it; with failover it follows whoever leads now. Records the
   * recovery, and when the node is up.
   */
  @Override
  public void restart(String node) {
    restarts.execute(() -> {
      try {
        long startedAt = timer.clock().nowMicros();
        LiveNodes.Spawned spawned = nodes.respawn(node, leader());
        Incarnations.Start start = spawned.start();
        nodes.lives().started(start, startedAt, spawned.recoverMs(), spawned.spawnedAtMicros());
        spawned.ref().tell(ReplicaNode.Start.INSTANCE);
        nodes.lives().running(start, timer.clock().nowMicros());
        if (!start.first()) { // clients read from the cluster's followers; an added one is not among them
          clients.tell(start.leadsAgain() ? new Client.LeaderIs(spawned.ref())
              : new Client.FollowerIs(node, spawned.ref()));
        }
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
    nodes.wipe(node);
  }

  @Override
  public NodeStatus status(String node) throws InterruptedException, ExecutionException, TimeoutException {
    return nodes.status(node);
  }

  @Override
  public Object inspect(String node, Function<Database, ?> query)
      throws InterruptedException, ExecutionException, TimeoutException {
    return nodes.inspect(node, query);
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
