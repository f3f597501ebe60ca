package dev.replsim.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Starts one ActorSystem per node in this JVM, each on its own Artery port on 127.0.0.1, and
 * joins them into one Pekko Cluster: the first node joins itself, the others join it. Returns
 * once every node is Up.
 */
public final class ClusterFormation implements AutoCloseable {

  /** The name every node's ActorSystem shares; a cluster needs one name. */
  public static final String SYSTEM_NAME = "replsim";

  private final Map<String, ActorSystem<SpawnProtocol.Command>> systems;

  private ClusterFormation(Map<String, ActorSystem<SpawnProtocol.Command>> systems) {
    this.systems = systems;
  }

  /** Starts and joins the nodes, waiting at most {@code timeout} for all of them to be Up. */
  public static ClusterFormation start(List<String> nodes, Duration timeout)
      throws InterruptedException, TimeoutException {
    Config config = ConfigFactory.load("replsim-node");
    Map<String, ActorSystem<SpawnProtocol.Command>> systems = new LinkedHashMap<>();
    List<CompletableFuture<Void>> ups = new ArrayList<>();
    ClusterFormation formation = new ClusterFormation(systems);
    try {
      Address seed = null;
      for (String node : nodes) {
        ActorSystem<SpawnProtocol.Command> system = ActorSystem.create(SpawnProtocol.create(), SYSTEM_NAME, config);
        systems.put(node, system);
        Cluster cluster = Cluster.get(system);
        if (seed == null) {
          seed = cluster.selfMember().address();
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        ups.add(up);
        formation.spawn(node, upWatcher(up), "up-watcher", timeout);
        cluster.manager().tell(Join.create(seed));
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

  private static Behavior<SelfUp> upWatcher(CompletableFuture<Void> up) {
    return Behaviors.setup(ctx -> {
      Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.getSelf(), SelfUp.class));
      return Behaviors.receiveMessage(msg -> {
        up.complete(null);
        return Behaviors.stopped();
      });
    });
  }

  /** Spawns a top-level actor named {@code name} in the node's ActorSystem. */
  public <T> ActorRef<T> spawn(String node, Behavior<T> behavior, String name, Duration timeout)
      throws InterruptedException, TimeoutException {
    ActorSystem<SpawnProtocol.Command> system = systems.get(node);
    CompletionStage<ActorRef<T>> spawned = AskPattern.ask(system,
        replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo), timeout, system.scheduler());
    try {
      return spawned.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not start " + name + " on " + node, e.getCause());
    }
  }

  public ActorSystem<SpawnProtocol.Command> system(String node) {
    return systems.get(node);
  }

  /** Terminates every node's ActorSystem at once and waits for them to finish. */
  @Override
  public void close() {
    systems.values().forEach(ActorSystem::terminate);
    for (ActorSystem<?> system : systems.values()) {
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
