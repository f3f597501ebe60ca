package dev.replsim.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;
import scala.concurrent.ExecutionContext;
import scala.concurrent.ExecutionContextExecutor;

/**
 * The ActorSystems of a live run: one per node in this JVM, each on its own Artery port on
 * 127.0.0.1, joined into one Pekko Cluster (the first node joins itself, the others join a
 * running one). A node can crash (its ActorSystem stops abruptly and the cluster downs it) and
 * start again as a new ActorSystem that joins the cluster anew.
 */
public final class ClusterFormation implements AutoCloseable {

  /** The name every node's ActorSystem shares; a cluster needs one name. */
  public static final String SYSTEM_NAME = "replsim";

  private final Config config = ConfigFactory.load("replsim-node");
  private final Duration timeout;
  /** Where each system runs its actors (the run's loop), or null for Pekko's default dispatcher. */
  private final ExecutionContextExecutor actors;
  /** Each node's own configuration over the shared one (its durable journal's database). */
  private final Function<String, Config> nodeConfig;
  private final Map<String, ActorSystem<SpawnProtocol.Command>> systems = new ConcurrentHashMap<>();
  private final List<ActorSystem<?>> crashed = new ArrayList<>();

  private ClusterFormation(Duration timeout, Function<String, Config> nodeConfig, Executor actors) {
    this.timeout = timeout;
    this.actors = actors == null ? null : ExecutionContext.fromExecutor(actors);
    this.nodeConfig = nodeConfig;
  }

  /** Starts and joins the nodes, waiting at most {@code timeout} for all of them to be Up. */
  public static ClusterFormation start(List<String> nodes, Duration timeout)
      throws InterruptedException, TimeoutException {
    return start(nodes, timeout, node -> ConfigFactory.empty(), null);
  }

  /**
   * Starts and joins the nodes, each ActorSystem configured with {@code nodeConfig} of its node
   * over the shared configuration and running its actors on {@code actors} (null: on its own
   * default dispatcher); Pekko's internals keep their own dispatchers.
   */
  public static ClusterFormation start(List<String> nodes, Duration timeout, Function<String, Config> nodeConfig,
      Executor actors) throws InterruptedException, TimeoutException {
    ClusterFormation formation = new ClusterFormation(timeout, nodeConfig, actors);
    try {
      List<CompletableFuture<Void>> ups = new ArrayList<>();
      for (String node : nodes) {
        ups.add(formation.launch(node));
      }
      CompletableFuture.allOf(ups.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return formation;
    } catch (ExecutionException e) {
      formation.close();
      throw new IllegalStateException("cluster formation failed", e.getCause());
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      formation.close();
      throw e;
    }
  }

  /** Starts a node (again) as a new ActorSystem that joins the running cluster; returns once it is Up. */
  public void startNode(String node) throws InterruptedException, TimeoutException, ExecutionException {
    if (systems.containsKey(node)) {
      throw new IllegalStateException(node + " is already running");
    }
    launch(node).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Creates the node's ActorSystem and asks it to join; the future completes when it is Up. */
  private CompletableFuture<Void> launch(String node) throws InterruptedException, TimeoutException {
    Address seed = systems.isEmpty() ? null : Cluster.get(systems.values().iterator().next()).selfMember().address();
    BootstrapSetup setup = BootstrapSetup.create(nodeConfig.apply(node).withFallback(config));
    ActorSystem<SpawnProtocol.Command> system = ActorSystem.create(SpawnProtocol.create(), SYSTEM_NAME,
        actors == null ? setup : setup.withDefaultExecutionContext(actors));
    systems.put(node, system);
    Cluster cluster = Cluster.get(system);
    CompletableFuture<Void> up = new CompletableFuture<>();
    spawn(node, upWatcher(up), "up-watcher");
    cluster.manager().tell(Join.create(seed == null ? cluster.selfMember().address() : seed));
    return up;
  }

  private static Behavior<SelfUp> upWatcher(CompletableFuture<Void> up) {
    return Behaviors.setup(ctx -> {
      Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.getSelf(), SelfUp.class));
      return Behaviors.receiveMessage(msg -> {
        up.complete(null);
        return Behaviors.stopped();
      });
    });
  }

  /**
   * Crashes a node: its ActorSystem stops without leaving the cluster (nothing is handed over, no
   * goodbye is said), and a surviving node downs it, as a failure detector and downing provider
   * would, so that its next incarnation can join.
   */
  public void crash(String node) {
    ActorSystem<SpawnProtocol.Command> system = systems.remove(node);
    if (system == null) {
      throw new IllegalStateException(node + " is not running");
    }
    Address address = Cluster.get(system).selfMember().address();
    system.terminate();
    crashed.add(system);
    for (ActorSystem<SpawnProtocol.Command> survivor : systems.values()) {
      Cluster.get(survivor).manager().tell(new Down(address));
      break;
    }
  }

  public boolean isRunning(String node) {
    return systems.containsKey(node);
  }

  /** Spawns a top-level actor named {@code name} in the node's ActorSystem. */
  public <T> ActorRef<T> spawn(String node, Behavior<T> behavior, String name)
      throws InterruptedException, TimeoutException {
    return spawn(node, behavior, name, Props.empty());
  }

  /** Spawns a top-level actor with {@code props} (its dispatcher, say) in the node's ActorSystem. */
  public <T> ActorRef<T> spawn(String node, Behavior<T> behavior, String name, Props props)
      throws InterruptedException, TimeoutException {
    ActorSystem<SpawnProtocol.Command> system = system(node);
    CompletionStage<ActorRef<T>> spawned = AskPattern.ask(system,
        replyTo -> new SpawnProtocol.Spawn<>(behavior, name, props, replyTo), timeout, system.scheduler());
    try {
      return spawned.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not start " + name + " on " + node, e.getCause());
    }
  }

  public ActorSystem<SpawnProtocol.Command> system(String node) {
    ActorSystem<SpawnProtocol.Command> system = systems.get(node);
    if (system == null) {
      throw new IllegalStateException(node + " is not running");
    }
    return system;
  }

  /** Terminates every node's ActorSystem at once and waits for them to finish. */
  @Override
  public void close() {
    List<ActorSystem<?>> all = new ArrayList<>(systems.values());
    all.addAll(crashed);
    systems.clear();
    all.forEach(ActorSystem::terminate);
    awaitTermination(all);
  }

  static void awaitTermination(Collection<ActorSystem<?>> all) {
    for (ActorSystem<?> system : all) {
      try {
        system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // a node that does not stop in time is abandoned; its threads are daemons of a finished run
      }
    }
  }
}
