package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.clock.Clock;
import dev.replsim.metrics.HistoryChecks;
import dev.replsim.metrics.HistoryRecorder;
import dev.replsim.metrics.LatencyCurves;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.SummaryBuilder;
import dev.replsim.metrics.TimeSeriesSampler;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.scenario.Scenario;
import dev.replsim.workload.ClientPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * One run, from a started cluster to its result, the same for every driver: it rehearses (live
 * only), starts the cores and clients at t = 0, plays the fault schedule while the clients write
 * for the configured duration, heals what is still in force, drains (waits for the clients to
 * issue every arrival drawn before the end, for running followers to apply everything and for
 * outstanding writes and reads to be answered, up to {@code simulation.drain-timeout}), measures,
 * and checks the clients' history. In a virtual run every figure about the host is left out of
 * the summary (see {@link Summary.Run}).
 */
public final class RunExecution {

  private final Scenario scenario;
  private final RunListener listener;
  private final RunCluster cluster;
  private final Recorder recorder;
  private final NodeFactory factory;
  private final boolean live;
  private final RunHook hook;

  RunExecution(Scenario scenario, RunListener listener, RunCluster cluster, Recorder recorder, NodeFactory factory) {
    this(scenario, listener, cluster, recorder, factory, RunHook.NONE);
  }

  /** @param hook told when the writes start (the classroom dashboard), or {@link RunHook#NONE} */
  RunExecution(Scenario scenario, RunListener listener, RunCluster cluster, Recorder recorder, NodeFactory factory,
      RunHook hook) {
    this.hook = hook;
    this.scenario = scenario;
    this.listener = listener;
    this.cluster = cluster;
    this.recorder = recorder;
    this.factory = factory;
    this.live = cluster.driver().equals("live");
  }

  /**
   * @param worker where faults are carried out
   * @param wallStart {@code System.nanoTime()} when the run started, for the live start-up time
   */
  RunResult run(ExecutorService worker, long wallStart, HeapWatch heap) throws Exception {
    try (FaultInjector faults = new FaultInjector(scenario, cluster, recorder, cluster.scheduler(), factory, worker)) {
      return run(faults, wallStart, heap);
    }
  }

  private RunResult run(FaultInjector faults, long wallStart, HeapWatch heap) throws Exception {
    Clock clock = cluster.scheduler().clock();
    if (live) {
      listener.phase("warming up: rehearsing the workload until the JIT compiler is done");
    }
    double warmUpMs = cluster.rehearse();
    long start = clock.nowMicros() + 1000;
    cluster.startCores(start);
    HistoryRecorder history = recordsHistory(scenario) ? new HistoryRecorder(recorder.staleReads()) : null;
    List<ClientPlan> plans = Workload.plans(scenario, factory.streams(), start, history);
    cluster.startClients(plans);
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
    cluster.sampleEvery(NodeFactory.micros(scenario.simulation().sampleInterval()), () -> {
      long now = clock.nowMicros();
      TimeSeriesSampler.Snapshot s = sampler.sample(now);
      String activity = String.join("; ", List.of(phase[0], faults.activity()).stream()
          .filter(a -> !a.isEmpty()).toList());
      listener.progress(new Progress(Math.max(0, Math.min(now - start, durationMicros)), durationMicros,
          s.writesPerSec(), s.maxApplyLagMs(), activity));
    });
    listener.phase(String.format("writing for %s%s%s", human(scenario.simulation().duration()),
        live ? "" : " in virtual time",
        scenario.faults().isEmpty() ? "" : ", " + scenario.faults().size() + " faults scheduled"));
    faults.start(start);
    hook.writesStarted(start, cluster, recorder, faults);
    cluster.beginClients();
    // the writes take [0, duration), as the arrival processes draw them: a closed loop whose
    // replies come at the end instant itself (in virtual time) issues nothing more
    long end = start + durationMicros;
    cluster.awaitInstant(end - 1, hook.stopped());
    boolean stoppedEarly = clock.nowMicros() < end - 1;
    if (stoppedEarly) {
      end = clock.nowMicros() + 1; // a demo told to stop (replsim demo): the writes end now
      long endNow = end;
      plans.forEach(p -> p.endArrivalsAt(endNow));
    }
    cluster.haltClients();
    cluster.awaitInstant(end);
    long writeEnd = clock.nowMicros();
    SummaryBuilder.markWriteEnd(recorder);
    recorder.event(writeEnd, "writes-stopped", null, details());

    phase[0] = "draining";
    long drainStart = live ? System.nanoTime() / 1000 : clock.nowMicros();
    faults.healAtEnd();
    boolean drained = awaitCondition(
        // stopped early, the arrivals drawn for the rest of the duration will never be issued
        () -> (stoppedEarly || cluster.arrivalsIssued()) && recorder.caughtUp(cluster.running()) && recorder.outstandingWrites() == 0
            && recorder.reads().outstanding() == 0,
        clock.nowMicros() + NodeFactory.micros(scenario.simulation().drainTimeout()));
    double drainMs = ((live ? System.nanoTime() / 1000 : clock.nowMicros()) - drainStart) / 1e3;
    recorder.event(clock.nowMicros(), drained ? "drained" : "drain-timed-out", null,
        details("outstandingWrites", recorder.outstandingWrites()));
    cluster.stopSampling();
    sampler.sample(clock.nowMicros());
    cluster.finishClients();

    listener.phase("measuring");
    Map<String, NodeStatus> statuses = new LinkedHashMap<>();
    for (String node : cluster.running()) {
      statuses.put(node, cluster.status(node));
    }
    String leader = cluster.leader();
    if (statuses.containsKey(leader)) {
      List<NodeStatus> leaderFirst = new ArrayList<>();
      leaderFirst.add(statuses.get(leader));
      statuses.forEach((node, status) -> {
        if (!node.equals(leader)) {
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
    Summary.Run runInfo = live
        ? new Summary.Run(round(startupMs), round(warmUpMs), round((writeEnd - start) / 1000.0), round(drainMs),
            drained, heap.peakBytes(), round(checkMs))
        : new Summary.Run(0, 0, round((writeEnd - start) / 1000.0), round(drainMs), drained, 0, 0, "virtual");
    Summary summary = SummaryBuilder.build(scenario, recorder, statuses, leader, faults.history(),
        (writeEnd - start) / 1e6, runInfo, scenario.failover().election(), clock.nowMicros())
        .withChecks(checks.reads(), checks.linearizability())
        .withRecoveries(recorder.recoveries());
    return new RunResult(summary, sampler.rows(), recorder.events(), LatencyCurves.of(recorder),
        recorder.tracedMessages(), checks.curve(), checks.operations());
  }

  /** Waits until {@code condition} holds, checking every millisecond, or until {@code deadlineMicros}. */
  private boolean awaitCondition(BooleanSupplier condition, long deadlineMicros) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      long now = cluster.scheduler().clock().nowMicros();
      if (now >= deadlineMicros) {
        return false;
      }
      cluster.awaitInstant(Math.min(deadlineMicros, now + 1000));
    }
    return true;
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
