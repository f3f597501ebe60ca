package dev.replsim.sim;

import dev.replsim.metrics.Recorder;

/**
 * A way into a running simulation for the classroom dashboard: told, on the run's event thread,
 * when the writes start, it is handed the cluster, the recorder and a {@link FaultControl}. It
 * must only use them on that thread (the virtual driver's one thread), between events.
 */
@FunctionalInterface
public interface RunHook {

  /** No hook: every run but {@code replsim demo}. */
  RunHook NONE = (startMicros, cluster, recorder, faults) -> {};

  /** The writes start at {@code startMicros}; the faults scheduled in the scenario are set. */
  void writesStarted(long startMicros, RunCluster cluster, Recorder recorder, FaultControl faults);
}
