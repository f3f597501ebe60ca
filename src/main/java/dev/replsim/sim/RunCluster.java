package dev.replsim.sim;

import dev.replsim.clock.Scheduler;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.storage.Database;
import dev.replsim.workload.ClientPlan;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A started cluster and its clients, as {@link RunExecution} drives them from the first write to
 * the measurements, whichever driver runs them: the live cluster in real time, or the virtual
 * driver's nodes in virtual time.
 */
public interface RunCluster extends ClusterControl {

  /** The run's scheduler and clock. */
  Scheduler scheduler();

  /** Plays the workload on throwaway copies until the run is warm; returns how long that took, in ms. */
  double rehearse() throws Exception;

  /** Starts every node's protocol core at {@code atMicros}, the run's first instant. */
  void startCores(long atMicros);

  /** Starts the clients, beside the nodes, writing to the leader and reading where their plans say. */
  void startClients(List<ClientPlan> plans) throws Exception;

  /** The clients start writing. */
  void beginClients();

  /** The run's writes are over: clients issue no new writes. */
  void haltClients();

  /** Whether every client has issued the last write and read its arrival processes drew. */
  boolean arrivalsIssued();

  /** Ends every client's part in the run: what is unanswered ends as unknown. */
  void finishClients() throws Exception;

  /** Returns once the run clock reached {@code atMicros}: waits in real time, or runs the events before it. */
  void awaitInstant(long atMicros) throws InterruptedException;

  /**
   * As {@link #awaitInstant(long)}, or less: returns early once {@code orStop} completes (the
   * demo's stop), and the caller reads the clock to see where it stands. A live run's wait is in
   * real time and ends on the signal; a virtual run's wait is its pace's, which the same stop tells
   * to return (see {@link dev.replsim.sim.virtual.Pace}).
   */
  void awaitInstant(long atMicros, CompletionStage<?> orStop) throws InterruptedException;

  /** Runs {@code task} every {@code periodMicros} until {@link #stopSampling()}, off the nodes' path. */
  void sampleEvery(long periodMicros, Runnable task);

  /** Stops the periodic task and waits for a run of it in progress. */
  void stopSampling();

  /** The replication state of a running node, or null for a crashed one. */
  NodeStatus status(String node) throws Exception;

  /** Runs a bounded read-only query on a running node's database. */
  Object inspect(String node, Function<Database, ?> query) throws Exception;

  /** Which driver runs the cluster: {@code live} or {@code virtual}. */
  String driver();
}
