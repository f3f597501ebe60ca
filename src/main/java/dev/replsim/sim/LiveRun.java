package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.clock.PreciseTimer;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.SummaryBuilder;
import dev.replsim.metrics.TimeSeriesSampler;
import dev.replsim.node.ClusterFormation;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.scenario.Scenario;
import dev.replsim.storage.Database;
import dev.replsim.workload.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The live driver: one ActorSystem per node in this JVM, all in one Pekko Cluster over Artery on
 * 127.0.0.1, running in real time. A run starts the cluster, lets clients write for the
 * configured duration, drains (waits for followers to apply everything and for outstanding writes
 * to be answered, up to {@code simulation.drain-timeout}), measures, and stops the cluster.
 */
public final class LiveRun {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  /** Round trips between every pair of nodes before the run, to open connections and warm the JIT. */
  private static final int WARMUP_ROUNDS = 200;

  private LiveRun() {}

  /** Runs the scenario to the end and returns what it measured. */
  public static RunResult run(Scenario scenario, RunListener listener) throws RunFailedException {
    long wallStart = System.nanoTime();
    HeapWatch heap = HeapWatch.start();
    listener.phase(String.format("starting %d nodes in a Pekko Cluster over Artery on 127.0.0.1",
        scenario.nodes().size()));
    // closed in reverse order: the sampler, then the nodes, then the timer they use
    try (PreciseTimer timer = new PreciseTimer(new RunClock());
        ClusterFormation cluster = ClusterFormation.start(scenario.nodes(), STARTUP_TIMEOUT);
        Sampling sampling = new Sampling()) {
      return new LiveRun.Execution(scenario, listener, cluster, timer, sampling, wallStart, heap).run();
    } catch (TimeoutException e) {
      throw new RunFailedException("the cluster did not form within " + STARTUP_TIMEOUT.toSeconds() + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("interrupted", e);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new RunFailedException(String.valueOf(cause.getMessage()), cause);
    }
  }

  /** One run's state, from a formed cluster to its result. */
  private static final class Execution {
    private final Scenario scenario;
    private final RunListener listener;
    private final ClusterFormation cluster;
    private final PreciseTimer timer;
    private final RunClock clock;
    private final Sampling sampling;
    private final long wallStart;
    private final HeapWatch heap;
    private final Recorder recorder;
    private final NodeFactory factory;

    Execution(Scenario scenario, RunListener listener, ClusterFormation cluster, PreciseTimer timer,
        Sampling sampling, long wallStart, HeapWatch heap) {
      this.scenario = scenario;
      this.listener = listener;
      this.cluster = cluster;
      this.timer = timer;
      this.clock = timer.clock();
      this.sampling = sampling;
      this.wallStart = wallStart;
      this.heap = heap;
      this.recorder = new Recorder(scenario.leader(), scenario.followers());
      this.factory = new NodeFactory(scenario);
    }

    RunResult run() throws InterruptedException, TimeoutException, ExecutionException {
      Map<String, ActorRef<ReplicaNode.Command>> nodes = startNodes();
      List<ActorRef<Client.Command>> clients = startClients(nodes.get(scenario.leader()));
      double startupMs = sinceMs(wallStart);

      long durationMicros = NodeFactory.micros(scenario.simulation().duration());
      long start = clock.nowMicros();
      recorder.writesStarted(start);
      for (String node : scenario.nodes()) {
        String role = node.equals(scenario.leader()) ? "leader" : "follower";
        recorder.event(start, "role", node, details("role", role, "term", 1));
      }
      TimeSeriesSampler sampler = new TimeSeriesSampler(recorder, start);
      String[] activity = {""};
      sampling.every(NodeFactory.micros(scenario.simulation().sampleInterval()), () -> {
        long now = clock.nowMicros();
        TimeSeriesSampler.Snapshot s = sampler.sample(now);
        listener.progress(new Progress(Math.min(now - start, durationMicros), durationMicros,
            s.writesPerSec(), s.maxApplyLagMs(), activity[0]));
      });
      listener.phase(String.format("writing for %s", human(scenario.simulation().duration())));
      clients.forEach(c -> c.tell(Client.Begin.INSTANCE));
      awaitInstant(start + durationMicros);
      clients.forEach(c -> c.tell(Client.Halt.INSTANCE));
      long writeEnd = clock.nowMicros();
      SummaryBuilder.markWriteEnd(recorder);
      recorder.event(writeEnd, "writes-stopped", null, details());

      activity[0] = "draining";
      long drainStart = System.nanoTime();
      boolean drained = awaitCondition(() -> recorder.caughtUp() && recorder.outstandingWrites() == 0,
          writeEnd + NodeFactory.micros(scenario.simulation().drainTimeout()));
      double drainMs = sinceMs(drainStart);
      recorder.event(clock.nowMicros(), drained ? "drained" : "drain-timed-out", null,
          details("outstandingWrites", recorder.outstandingWrites(), "caughtUp", recorder.caughtUp()));
      sampling.close();
      sampler.sample(clock.nowMicros());

      listener.phase("measuring");
      List<NodeStatus> statuses = new ArrayList<>();
      for (String node : scenario.nodes()) {
        statuses.add(status(node, nodes.get(node)));
      }
      DivergenceProbe.report(recorder, clock.nowMicros(), statuses,
          (node, query) -> inspect(nodes, node, query));
      Summary.Run runInfo = new Summary.Run(round(startupMs), round((writeEnd - start) / 1000.0),
          round(drainMs), drained, heap.peakBytes());
      Summary summary = SummaryBuilder.build(scenario, recorder, statuses, (writeEnd - start) / 1e6, runInfo);
      return new RunResult(summary, sampler.rows(), recorder.events());
    }

    private Map<String, ActorRef<ReplicaNode.Command>> startNodes()
        throws InterruptedException, TimeoutException, ExecutionException {
      Map<String, ActorRef<ReplicaNode.Command>> nodes = new LinkedHashMap<>();
      List<CompletableFuture<Void>> ready = new ArrayList<>();
      for (String node : scenario.nodes()) {
        CompletableFuture<Void> found = new CompletableFuture<>();
        ready.add(found);
        nodes.put(node, cluster.spawn(node,
            ReplicaNode.create(factory.core(node), factory.wiring(node, timer, recorder), found), node, ASK_TIMEOUT));
      }
      await(ready);
      List<CompletableFuture<Void>> warm = new ArrayList<>();
      for (ActorRef<ReplicaNode.Command> node : nodes.values()) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        warm.add(done);
        node.tell(new ReplicaNode.Warmup(WARMUP_ROUNDS, done));
      }
      await(warm);
      nodes.values().forEach(n -> n.tell(ReplicaNode.Start.INSTANCE));
      return nodes;
    }

    private List<ActorRef<Client.Command>> startClients(ActorRef<ReplicaNode.Command> leader)
        throws InterruptedException, TimeoutException {
      List<ActorRef<Client.Command>> clients = new ArrayList<>();
      long firstArrival = clock.nowMicros() + 1000;
      for (Client.Plan plan : Workload.plans(scenario.workload(), factory.streams(), firstArrival)) {
        clients.add(cluster.spawn(scenario.leader(), Client.create(plan, leader, timer, recorder),
            "client-" + plan.name(), ASK_TIMEOUT));
      }
      return clients;
    }

    private void await(List<CompletableFuture<Void>> futures)
        throws InterruptedException, TimeoutException, ExecutionException {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private NodeStatus status(String node, ActorRef<ReplicaNode.Command> ref)
        throws InterruptedException, ExecutionException, TimeoutException {
      return ask(node, ref, ReplicaNode.GetStatus::new);
    }

    private <T> T inspect(Map<String, ActorRef<ReplicaNode.Command>> nodes, String node,
        Function<Database, T> query) throws InterruptedException, ExecutionException, TimeoutException {
      return ask(node, nodes.get(node), replyTo -> new ReplicaNode.Inspect<>(query, replyTo));
    }

    private <T> T ask(String node, ActorRef<ReplicaNode.Command> ref,
        Function<ActorRef<T>, ReplicaNode.Command> question)
        throws InterruptedException, ExecutionException, TimeoutException {
      ActorSystem<?> system = cluster.system(node);
      return AskPattern.<ReplicaNode.Command, T>ask(ref, question::apply, ASK_TIMEOUT, system.scheduler())
          .toCompletableFuture().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks the driver's thread until the run clock reaches {@code atMicros}. */
    private void awaitInstant(long atMicros) throws InterruptedException, ExecutionException {
      CompletableFuture<Void> reached = new CompletableFuture<>();
      timer.at(atMicros, () -> reached.complete(null));
      reached.get();
    }

    /** Waits until {@code condition} holds, checking every millisecond, or until {@code deadlineMicros}. */
    private boolean awaitCondition(java.util.function.BooleanSupplier condition, long deadlineMicros)
        throws InterruptedException, ExecutionException {
      while (!condition.getAsBoolean()) {
        long now = clock.nowMicros();
        if (now >= deadlineMicros) {
          return false;
        }
        awaitInstant(Math.min(deadlineMicros, now + 1000));
      }
      return true;
    }
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static double sinceMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
