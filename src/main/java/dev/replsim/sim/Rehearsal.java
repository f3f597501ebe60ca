package dev.replsim.sim;

import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClusterFormation;
import dev.replsim.node.ReplicaNode;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.WarmUp;
import dev.replsim.workload.Client;
import dev.replsim.workload.ClientPlan;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The warm-up before t = 0: the scenario's workload played on throwaway copies of its nodes and
 * clients, in the run's own ActorSystems, on its loop and over its Artery connections, until the
 * JIT compiler has gone quiet. Without it the first second of a run is not what the scenario
 * describes: interpreted code and a compiler busy on one of two cores made a 20-40 ms link show
 * apply lags of 60-130 ms, and a JIT pause could elect a new leader.
 *
 * <p>The copies share nothing with the run but code: their cores draw from other streams, they
 * find each other under another Receptionist key, record into a recorder of their own and keep
 * their log in memory, and they are stopped before the run starts. The faults are not rehearsed.
 * Open-loop clients write at least {@link #MIN_RATE} writes/s, so that the hot paths are compiled
 * within a few seconds even when the scenario writes slowly.
 */
final class Rehearsal {

  private static final String SERVICE = "replsim-rehearsal";
  private static final long WINDOW_MICROS = 250_000;
  private static final long MIN_MICROS = 500_000;
  /** A window in which the compiler worked less than this share of it counts as quiet. */
  private static final double QUIET_SHARE = 0.05;
  private static final double MIN_RATE = 2_000;
  /** Mixed into the seed, so the rehearsal's draws are not the run's. */
  private static final long SALT = 0x7265686561727365L;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Stops a rehearsal's parent actor, and with it the copies it spawned. */
  private enum Stop { INSTANCE }

  private final Scenario scenario;
  private final ClusterFormation formation;
  private final ActorSystem<SpawnProtocol.Command> clientSystem;
  private final RunLoop loop;
  private final List<ActorRef<Stop>> parents = new ArrayList<>();

  private Rehearsal(Scenario scenario, ClusterFormation formation, ActorSystem<SpawnProtocol.Command> clientSystem,
      RunLoop loop) {
    this.scenario = scenario;
    this.formation = formation;
    this.clientSystem = clientSystem;
    this.loop = loop;
  }

  /**
   * Rehearses as {@code simulation.warm-up} says (until the compiler is quiet, at least 0.5 s; or
   * for a set time), then stops the copies. Returns how long it took, in ms.
   */
  static double run(Scenario scenario, ClusterFormation formation, ActorSystem<SpawnProtocol.Command> clientSystem,
      RunLoop loop) throws InterruptedException, TimeoutException, ExecutionException {
    if (scenario.simulation().warmUp().none()) {
      return 0;
    }
    Rehearsal r = new Rehearsal(scenario, formation, clientSystem, loop);
    try {
      return r.play();
    } finally {
      r.parents.forEach(p -> p.tell(Stop.INSTANCE));
    }
  }

  private double play() throws InterruptedException, TimeoutException, ExecutionException {
    long began = loop.clock().nowMicros();
    SeededStreams streams = new SeededStreams(scenario.simulation().seed() ^ SALT);
    NodeFactory factory = new NodeFactory(scenario, streams);
    Recorder recorder = new Recorder(scenario.leader(), scenario.followers());
    Map<String, ActorRef<ReplicaNode.Command>> nodes = startNodes(factory, recorder);
    long start = loop.clock().nowMicros() + 1000;
    double rate = Math.max(scenario.workload().writeRate(), MIN_RATE);
    WarmUp warmUp = scenario.simulation().warmUp();
    long limit = NodeFactory.micros(warmUp.limit());
    List<ClientPlan> plans = Workload.plans(scenario, streams, start, began + limit, rate, null);
    Map<String, Behavior<Client.Command>> clients = new LinkedHashMap<>();
    plans.forEach(p -> clients.put("client-" + p.name(), Client.create(p, nodes, loop, recorder)));
    CompletableFuture<Map<String, ActorRef<Client.Command>>> spawned = new CompletableFuture<>();
    parents.add(AskPattern.<SpawnProtocol.Command, ActorRef<Stop>>ask(clientSystem,
            replyTo -> new SpawnProtocol.Spawn<>(parent(clients, spawned), "rehearsal", Props.empty(), replyTo),
            TIMEOUT, clientSystem.scheduler())
        .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    spawned.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().forEach(c -> c.tell(Client.Begin.INSTANCE));
    if (warmUp.untilQuiet()) {
      awaitQuietCompiler(began, limit);
    } else {
      loop.awaitInstant(began + limit);
    }
    return (loop.clock().nowMicros() - began) / 1000.0;
  }

  /** Starts a copy of every node, in that node's ActorSystem, and returns once they all see each other. */
  private Map<String, ActorRef<ReplicaNode.Command>> startNodes(NodeFactory factory, Recorder recorder)
      throws InterruptedException, TimeoutException, ExecutionException {
    Set<String> all = new HashSet<>(scenario.nodes());
    Map<String, ActorRef<ReplicaNode.Command>> nodes = new HashMap<>();
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (String node : scenario.nodes()) {
      CompletableFuture<Void> found = new CompletableFuture<>();
      ready.add(found);
      Behavior<ReplicaNode.Command> copy = ReplicaNode.create(
          factory.core(node, 1, 1, factory.hardState().of(node, scenario.leader())),
          factory.wiring(node, 1, loop, recorder, new AtomicBoolean(), SERVICE), all, found);
      CompletableFuture<Map<String, ActorRef<ReplicaNode.Command>>> spawned = new CompletableFuture<>();
      parents.add(formation.spawn(node, parent(Map.of(node, copy), spawned), "rehearsal"));
      nodes.putAll(spawned.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    nodes.values().forEach(n -> n.tell(ReplicaNode.Start.INSTANCE));
    return nodes;
  }

  /**
   * An actor that spawns {@code children} under their names (a copy of a node must be named after
   * it, as its peers find it by name, beside the node itself) and stops them all when told to.
   */
  private static <T> Behavior<Stop> parent(Map<String, Behavior<T>> children,
      CompletableFuture<Map<String, ActorRef<T>>> spawned) {
    return Behaviors.setup(ctx -> {
      Map<String, ActorRef<T>> refs = new LinkedHashMap<>();
      children.forEach((name, behavior) -> refs.put(name, ctx.spawn(behavior, name)));
      spawned.complete(refs);
      return Behaviors.receiveMessage(stop -> Behaviors.stopped());
    });
  }

  /**
   * Waits, window by window, until the JIT compiler worked less than {@link #QUIET_SHARE} of a
   * window (after at least {@link #MIN_MICROS}), or until {@code limitMicros} have passed. Without
   * a compiler to watch, it is quiet after the minimum.
   */
  private void awaitQuietCompiler(long began, long limitMicros) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean watch = jit != null && jit.isCompilationTimeMonitoringSupported();
    long compiled = watch ? jit.getTotalCompilationTime() : 0;
    long now = began;
    while (now - began < limitMicros) {
      loop.awaitInstant(now + WINDOW_MICROS);
      now = loop.clock().nowMicros();
      long compiledNow = watch ? jit.getTotalCompilationTime() : 0;
      boolean quiet = (compiledNow - compiled) * 1000 <= QUIET_SHARE * WINDOW_MICROS;
      compiled = compiledNow;
      if (quiet && now - began >= MIN_MICROS) {
        return;
      }
    }
  }
}
