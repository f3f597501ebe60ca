package dev.replsim.sim;

import dev.replsim.metrics.Recorder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A way into a running simulation for the classroom dashboard: told when the writes start, it is
 * handed the cluster, the recorder and a {@link FaultControl}. In virtual time it is told on the
 * event loop's one thread and must only use them there, between events; in a live run it is told
 * on the run's own thread and must only strike faults through {@link FaultControl#decide}. Its
 * {@link #stopped()} ends the writes early, in either driver.
 */
@FunctionalInterface
public interface RunHook {

  /** No hook: every run but {@code replsim demo}. */
  RunHook NONE = (startMicros, cluster, recorder, faults) -> {};

  /** The writes start at {@code startMicros}; the faults scheduled in the scenario are set. */
  void writesStarted(long startMicros, RunCluster cluster, Recorder recorder, FaultControl faults);

  /**
   * Completes when the writes are to end before the scenario's duration (the demo's stop, Ctrl-C):
   * the run's wait for the end of its writes returns then, and the writes end at that instant.
   * Never, by default.
   */
  default CompletionStage<Void> stopped() {
    return new CompletableFuture<>();
  }
}
