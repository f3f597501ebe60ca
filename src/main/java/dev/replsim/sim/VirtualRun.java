package dev.replsim.sim;

import dev.replsim.metrics.HostRun;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.virtual.EventLoop;
import dev.replsim.sim.virtual.Pace;
import dev.replsim.sim.virtual.VirtualCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual driver: the same protocol cores, links, clients, faults and recorder as a live
 * run, driven on one thread by an event loop in virtual microseconds. A message arrives exactly
 * at its sampled instant and a busy resource is busy exactly its sampled time; nothing about the
 * host reaches the outputs, so the same scenario and seed give the same files, byte for byte; and
 * an hour of replication takes seconds. What the run cost the host goes to {@code run.json}.
 */
public final class VirtualRun {

  /** How often the progress line may be redrawn, in wall-clock nanoseconds. */
  private static final long PROGRESS_EVERY_NANOS = 200_000_000;

  private VirtualRun() {}

  /** Runs the scenario to the end in virtual time and returns what it measured. */
  public static RunResult run(Scenario scenario, RunListener listener) throws RunFailedException {
    return run(scenario, listener, Pace.UNPACED, RunHook.NONE);
  }

  /**
   * Runs the scenario in virtual time at {@code pace}, telling {@code hook} when the writes start:
   * the classroom dashboard's run ({@code replsim demo}), held to the wall clock and steered.
   */
  public static RunResult run(Scenario scenario, RunListener listener, Pace pace, RunHook hook)
      throws RunFailedException {
    long wallStart = System.nanoTime();
    HeapWatch heap = HeapWatch.start();
    List<String> followers = new ArrayList<>(scenario.followers());
    followers.addAll(scenario.addedNodes());
    Recorder recorder = new Recorder(scenario.leader(), followers, true);
    NodeFactory factory = new NodeFactory(scenario);
    EventLoop loop = new EventLoop();
    listener.phase(String.format("simulating %d nodes in virtual time", scenario.nodes().size()));
    try {
      VirtualCluster cluster = new VirtualCluster(scenario, factory, recorder, loop, pace);
      RunResult result = new RunExecution(scenario, throttled(listener, loop, wallStart), cluster, recorder, factory, hook)
          .run(new DirectExecutor(), wallStart, heap);
      double wallMs = (System.nanoTime() - wallStart) / 1e6;
      double simulatedMs = loop.nowMicros() / 1e3;
      return result.withHost(new HostRun("virtual", round(wallMs), round(simulatedMs), round(simulatedMs / wallMs),
          loop.events(), Math.round(loop.events() / (wallMs / 1e3)), heap.peakBytes()));
    } catch (Exception e) {
      throw new RunFailedException(String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * The listener, told of progress at most every {@link #PROGRESS_EVERY_NANOS} of wall time (a
   * virtual run samples thousands of times a second), with the speed-up over real time.
   */
  private static RunListener throttled(RunListener listener, EventLoop loop, long wallStart) {
    return new RunListener() {
      private long shownAt = Long.MIN_VALUE;

      @Override
      public void phase(String description) {
        listener.phase(description);
      }

      @Override
      public void progress(Progress p) {
        long wall = System.nanoTime();
        if (wall - shownAt < PROGRESS_EVERY_NANOS) {
          return;
        }
        shownAt = wall;
        double speedUp = loop.nowMicros() / ((wall - wallStart) / 1e3);
        String pace = String.format("virtual time, %,.0f× real time", speedUp);
        listener.progress(new Progress(p.elapsedMicros(), p.totalMicros(), p.writesPerSec(), p.maxApplyLagMs(),
            p.activity().isEmpty() ? pace : pace + "; " + p.activity()));
      }
    };
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
