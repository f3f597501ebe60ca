package dev.replsim.sim;

import dev.replsim.clock.RunClock;
import dev.replsim.clock.RunLoop;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunResult;
import dev.replsim.node.JournalStore;
import dev.replsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The live driver: one ActorSystem per node in this JVM, all in one Pekko Cluster over Artery on
 * 127.0.0.1, running in real time. It starts the cluster, has {@link RunExecution} play the run on
 * it, and stops it; a failed run leaves no journals behind.
 */
public final class LiveRun {

  private LiveRun() {}

  /** Runs the scenario to the end and returns what it measured. */
  public static RunResult run(Scenario scenario, RunListener listener) throws RunFailedException {
    return run(scenario, listener, RunHook.NONE);
  }

  /**
   * Runs the scenario, telling {@code hook} when the writes start, and ending them early if its
   * {@link RunHook#stopped()} completes first: the classroom dashboard on a live run.
   */
  public static RunResult run(Scenario scenario, RunListener listener, RunHook hook) throws RunFailedException {
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
    // closed in reverse order: the nodes, then the loop they run on
    try (RunLoop timer = new RunLoop(new RunClock());
        LiveCluster cluster = LiveCluster.start(scenario, factory, timer, recorder, journals)) {
      RunResult result = new RunExecution(scenario, listener, cluster, recorder, factory, hook)
          .run(FaultInjector.thread(), wallStart, heap);
      keepJournals = scenario.output().dir() != null && !scenario.output().dir().isBlank();
      return result;
    } catch (TimeoutException e) {
      throw new RunFailedException("the cluster did not form within " + LiveCluster.STARTUP_TIMEOUT.toSeconds()
          + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("interrupted", e);
    } catch (Exception e) {
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
}
