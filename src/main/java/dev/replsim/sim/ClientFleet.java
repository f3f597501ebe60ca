package dev.replsim.sim;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ReplicaNode;
import dev.replsim.workload.Client;
import dev.replsim.workload.ClientPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import scala.concurrent.ExecutionContext;

/**
 * A live run's clients, in a local ActorSystem of their own (not a cluster member, so that a
 * crashed leader does not take its clients with it) whose actors run on the run loop: started
 * from their plans, told which nodes go down and come back, and finished at the end.
 */
final class ClientFleet implements AutoCloseable {

  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

  private final RunLoop loop;
  private final ActorSystem<SpawnProtocol.Command> system;
  private final List<ActorRef<Client.Command>> clients = new CopyOnWriteArrayList<>();
  /** Per client, completed once it has issued every arrival its processes draw. */
  private final List<CompletableFuture<Void>> arrivalsIssued = new CopyOnWriteArrayList<>();

  ClientFleet(RunLoop loop) {
    this.loop = loop;
    Config local = ConfigFactory.parseString("pekko.actor.provider = local")
        .withFallback(ConfigFactory.load("replsim-node"));
    this.system = ActorSystem.create(SpawnProtocol.create(), "replsim-clients",
        BootstrapSetup.create(local).withDefaultExecutionContext(ExecutionContext.fromExecutor(loop)));
  }

  /** The clients' ActorSystem, for a rehearsal's clients. */
  ActorSystem<SpawnProtocol.Command> system() {
    return system;
  }

  /** Starts a client per plan, writing to the leader and reading where its plan says. */
  void start(List<ClientPlan> plans, Map<String, ActorRef<ReplicaNode.Command>> nodes, Recorder recorder)
      throws InterruptedException, TimeoutException, ExecutionException {
    for (ClientPlan plan : plans) {
      CompletableFuture<Void> issued = new CompletableFuture<>();
      arrivalsIssued.add(issued);
      clients.add(AskPattern.<SpawnProtocol.Command, ActorRef<Client.Command>>ask(system,
              replyTo -> new SpawnProtocol.Spawn<>(Client.create(plan, Map.copyOf(nodes), loop, recorder, issued),
                  "client-" + plan.name(), Props.empty(), replyTo), ASK_TIMEOUT, system.scheduler())
          .toCompletableFuture().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** Whether every client has issued the last write and read its arrival processes drew. */
  boolean arrivalsIssued() {
    return arrivalsIssued.stream().allMatch(CompletableFuture::isDone);
  }

  void tell(Client.Command command) {
    clients.forEach(c -> c.tell(command));
  }

  /**
   * Ends every client's part in the run: what is unanswered ends as unknown and each client closes
   * its history. Returns once all have, or after {@code timeout}.
   */
  void finish(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (ActorRef<Client.Command> client : clients) {
      CompletableFuture<Void> finished = new CompletableFuture<>();
      client.tell(new Client.Finish(finished));
      done.add(finished);
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts terminating the clients' ActorSystem; {@link #awaitClosed()} waits for it. */
  @Override
  public void close() {
    system.terminate();
  }

  void awaitClosed() {
    try {
      system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // abandoned: the run is over
    }
  }
}
