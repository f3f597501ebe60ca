package dev.replsim.sim;

/** Hears how a run is going, for the CLI's progress line; every method may be called from any thread. */
public interface RunListener {

  /** A phase of the run began: starting the cluster, writing, draining, measuring. */
  default void phase(String description) {}

  /** A progress sample during the write and drain phases. */
  default void progress(Progress progress) {}

  RunListener SILENT = new RunListener() {};
}
