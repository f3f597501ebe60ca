package dev.replsim.dashboard;

import dev.replsim.sim.FaultControl;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a demonstration's run is driven, as {@link Demo} and {@link DemoControls} see it: virtual
 * time held to the wall clock ({@link DemoPace}), or a live run in real time ({@link
 * LiveDemoDriver}). A driver decides where the page's commands run (never on the HTTP threads), how
 * often a state is published and from which thread (never on the nodes' path), which pace controls
 * it has, and how a stop reaches the run: both drivers complete one signal, {@link #stopped()},
 * which the run's wait for the end of its writes honours.
 */
interface DemoDriver {

  /** How often a state is published, in wall-clock nanoseconds. */
  long PUBLISH_EVERY_NANOS = 200_000_000;

  /** Whether the run is live (real time): then there is no pause, step or speed. */
  boolean live();

  /** What publishes a state; the driver calls it on a thread of its own choosing, one at a time. */
  void publishWith(Runnable publish);

  /** The writes have started (called on the run's thread): commands may strike faults from now on. */
  void started(FaultControl faults);

  /**
   * Has {@code command} run where it may touch the run: between events on the virtual loop, or
   * where a live run carries out its faults ({@link FaultControl#decide}). Returns false, running
   * nothing, when the run cannot take it (a live run's writes have not started, or have ended).
   */
  boolean enqueue(Runnable command);

  /**
   * A pace control from the page ({@code pause}, {@code resume}, {@code step}, or {@code speed} to
   * {@code value}, already checked): queued, or why this driver has none.
   */
  Optional<String> control(String action, double value);

  /** The one stop signal: completed by a stop, listened to by the run (see {@link #stopped()}). */
  CompletableFuture<Void> stopSignal();

  /** Ends the writes at the next chance (any thread: the page's stop, Ctrl-C). */
  default void requestStop() {
    stopSignal().complete(null);
  }

  /** Completes when a stop was requested. */
  default CompletionStage<Void> stopped() {
    return stopSignal();
  }

  /** Whether a stop was requested. */
  default boolean stopRequested() {
    return stopSignal().isDone();
  }

  boolean paused();

  double speed();

  /** The run is over: publishing ends (a state being published is finished first). */
  void finish();
}
