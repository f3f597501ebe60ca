package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.clock.RunLoop;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.HistoryChecks;
import dev.replsim.metrics.HistoryRecorder;
import dev.replsim.metrics.LatencyCurves;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.SummaryBuilder;
import dev.replsim.metrics.TimeSeriesSampler;
import dev.replsim.node.JournalStore;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.scenario.Scenario;
import dev.replsim.workload.Client;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.ArrayList;

/**
 * The live driver: one ActorSystem per node in this JVM, all in one Pekko Cluster over Artery on
 * 127.0.0.1, running in real time. A run starts the cluster, lets clients write for the
 * configured duration while the fault schedule plays, heals what is still in force, drains (waits
 * for the clients to issue every arrival drawn before the end, for running followers to apply
 * everything and for outstanding writes and reads to be answered,
 * up to {@code simulation.drain-timeout}), measures, checks the clients' history, and stops the
 * cluster.
 */
public final class LiveRun {

  /** How long clients may take to end their part once the run is over. */
  private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(10);

  private LiveRun() {}

  /** Runs the scenario to the end and returns what it measured. */
  public static RunResult run(Scenario scenario, RunListener listener) throws RunFailedException {
    long wallStart = System.nanoTime();
    HeapWatch heap = HeapWatch.start();
    listener.phase(String.format("starting %d nodes in a Pekko Cluster over Artery on 127.0.0.1",
        scenario.nodes().size()));
    List<String> followers = new ArrayList<>(scenario.followers());
    followers.addAll(scenario.addedNodes());
    Recorder recorder = new Recorder(scenario.leader(), followers);
    NodeFactory factory = new NodeFactory(scenario);
    JournalStore journals = journals(scenario);
    boolean keepJournals = false;
    // closed in reverse order: the sampler, the faults, the nodes, then the timer they use
    try (RunLoop timer = new RunLoop(new RunClock());
        LiveCluster cluster = LiveCluster.start(scenario, factory, timer, recorder, journals);
        FaultInjector faults = new FaultInjector(scenario, cluster, recorder, timer, factory);
        Sampling sampling = new Sampling()) {
      RunResult result = new Execution(scenario, listener, cluster, faults, timer, recorder, factory, sampling)
          .run(wallStart, heap);
      keepJournals = scenario.output().dir() != null && !scenario.output().dir().isBlank();
      return result;
    } catch (TimeoutException e) {
      throw new RunFailedException("the cluster did not form within " + LiveCluster.STARTUP_TIMEOUT.toSeconds()
          + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("interrupted", e);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new RunFailedException(String.valueOf(cause.getMessage()), cause);
    } finally {
      if (journals != null && !keepJournals) {
        journals.discard(); // a failed run leaves no half-written output behind
      }
    }
  }

  /**
   * The nodes' durable journals (null for the memory journal): under the run's output directory,
   * or, for a run that writes no output (a test, a benchmark), under a temporary one removed at the end.
   */
  private static JournalStore journals(Scenario scenario) throws RunFailedException {
    if (!scenario.cluster().durable()) {
      return null;
    }
    String dir = scenario.output().dir();
    try {
      return dir == null || dir.isBlank() ? JournalStore.temporary(scenario.cluster().persistence())
          : JournalStore.of(scenario.cluster().persistence(), Path.of(dir));
    } catch (IOException | RuntimeException e) {
      throw new RunFailedException("cannot prepare the journals under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** One run, from a started cluster to its result. */
  private record Execution(Scenario scenario, RunListener listener, LiveCluster cluster, FaultInjector faults,
      RunLoop timer, Recorder recorder, NodeFactory factory, Sampling sampling) {

    RunResult run(long wallStart, HeapWatch heap) throws InterruptedException, TimeoutException, ExecutionException {
      RunClock clock = timer.clock();
      listener.phase("warming up: rehearsing the workload until the JIT compiler is done");
      double warmUpMs = cluster.rehearse();
      long start = clock.nowMicros() + 1000;
      cluster.startCores(start);
      HistoryRecorder history = recordsHistory(scenario) ? new HistoryRecorder() : null;
      cluster.startClients(Workload.plans(scenario, factory.streams(), start, history));
      double startupMs = (System.nanoTime() - wallStart) / 1e6;

      long durationMicros = NodeFactory.micros(scenario.simulation().duration());
      recorder.writesStarted(start);
      long window = NodeFactory.micros(scenario.report().sequenceWindow());
      recorder.traceWindow(start, start + window);
      // and around each fault, so the report can draw what the messages did when it struck
      scenario.faults().forEach(f -> recorder.traceWindow(start + f.atMicros() - window / 2,
          start + f.atMicros() + window / 2));
      for (String node : scenario.nodes()) {
        recorder.event(start, "role", node,
            details("role", node.equals(cluster.leader()) ? "leader" : "follower", "term", 1));
      }
      TimeSeriesSampler sampler = new TimeSeriesSampler(recorder, start);
      String[] phase = {""};
      sampling.every(NodeFactory.micros(scenario.simulation().sampleInterval()), () -> {
        long now = clock.nowMicros();
        TimeSeriesSampler.Snapshot s = sampler.sample(now);
        String activity = String.join("; ", List.of(phase[0], faults.activity()).stream()
            .filter(a -> !a.isEmpty()).toList());
        listener.progress(new Progress(Math.max(0, Math.min(now - start, durationMicros)), durationMicros,
            s.writesPerSec(), s.maxApplyLagMs(), activity));
      });
      listener.phase(String.format("writing for %s%s", human(scenario.simulation().duration()),
          scenario.faults().isEmpty() ? "" : ", " + scenario.faults().size() + " faults scheduled"));
      faults.start(start);
      cluster.clients().tell(Client.Begin.INSTANCE);
      timer.awaitInstant(start + durationMicros);
      cluster.clients().tell(Client.Halt.INSTANCE);
      long writeEnd = clock.nowMicros();
      SummaryBuilder.markWriteEnd(recorder);
      recorder.event(writeEnd, "writes-stopped", null, details());

      phase[0] = "draining";
      long drainStart = System.nanoTime();
      faults.healAtEnd();
      boolean drained = awaitCondition(
          () -> cluster.clients().arrivalsIssued() && recorder.caughtUp(cluster.running()) && recorder.outstandingWrites() == 0
              && recorder.reads().outstanding() == 0,
          clock.nowMicros() + NodeFactory.micros(scenario.simulation().drainTimeout()));
      double drainMs = (System.nanoTime() - drainStart) / 1e6;
      recorder.event(clock.nowMicros(), drained ? "drained" : "drain-timed-out", null,
          details("outstandingWrites", recorder.outstandingWrites()));
      sampling.close();
      sampler.sample(clock.nowMicros());
      cluster.clients().finish(FINISH_TIMEOUT);

      listener.phase("measuring");
      Map<String, NodeStatus> statuses = new LinkedHashMap<>();
      for (String node : cluster.running()) {
        statuses.put(node, cluster.status(node));
      }
      if (statuses.containsKey(cluster.leader())) {
        List<NodeStatus> leaderFirst = new ArrayList<>();
        leaderFirst.add(statuses.get(cluster.leader()));
        statuses.forEach((node, status) -> {
          if (!node.equals(cluster.leader())) {
            leaderFirst.add(status);
          }
        });
        DivergenceProbe.report(recorder, clock.nowMicros(), leaderFirst, cluster::inspect);
      }
      if (history != null) {
        listener.phase("checking the history");
      }
      long checkStart = System.nanoTime();
      HistoryChecks.Results checks = HistoryChecks.run(scenario, recorder, history, clock.nowMicros());
      double checkMs = history == null ? 0 : (System.nanoTime() - checkStart) / 1e6;
      Summary.Run runInfo = new Summary.Run(round(startupMs), round(warmUpMs), round((writeEnd - start) / 1000.0),
          round(drainMs), drained, heap.peakBytes(), round(checkMs));
      Summary summary = SummaryBuilder.build(scenario, recorder, statuses, cluster.leader(), faults.history(),
          (writeEnd - start) / 1e6, runInfo, scenario.failover().election(), clock.nowMicros())
          .withChecks(checks.reads(), checks.linearizability())
          .withRecoveries(recorder.recoveries());
      return new RunResult(summary, sampler.rows(), recorder.events(), LatencyCurves.of(recorder),
          recorder.tracedMessages(), checks.curve(), checks.operations());
    }

    /** Waits until {@code condition} holds, checking every millisecond, or until {@code deadlineMicros}. */
    private boolean awaitCondition(BooleanSupplier condition, long deadlineMicros)
        throws InterruptedException, ExecutionException {
      while (!condition.getAsBoolean()) {
        long now = timer.clock().nowMicros();
        if (now >= deadlineMicros) {
          return false;
        }
        timer.awaitInstant(Math.min(deadlineMicros, now + 1000));
      }
      return true;
    }
  }

  /** Clients record what they do when the run reads and checks anomalies, or checks linearizability. */
  static boolean recordsHistory(Scenario scenario) {
    return (scenario.workload().reads().enabled() && scenario.check().anomalies()) || scenario.check().linearizable();
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
