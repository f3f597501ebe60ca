package dev.replsim.sim;

import dev.replsim.node.NodeFault;
import dev.replsim.workload.WorkloadChange;
import java.util.List;

/**
 * What the fault injector does to a run's cluster, whichever driver runs it: the live cluster of
 * ActorSystems, or the virtual driver's nodes. Who leads is the cluster's own state (what its
 * nodes say of themselves), never read back from the metrics.
 */
public interface ClusterControl {

  /** The node that leads now: the scenario's first node, until a failover. */
  String leader();

  /** The nodes running now, in the scenario's order. */
  List<String> running();

  /** The nodes that ran and are down now (an added follower not added yet is not among them). */
  List<String> crashed();

  /** Stops the node abruptly; with the memory journal all it held is gone. */
  void crash(String node);

  /**
   * Starts a crashed node again as its next incarnation (or an added follower for the first time),
   * and records when it is up. It may complete after this call returns (a live restart takes a
   * second or two); {@link #awaitRestarts()} waits for every restart under way.
   */
  void restart(String node);

  /** Waits until every restart under way completed. */
  void awaitRestarts() throws InterruptedException;

  /** The crashed node's disk is lost: its next incarnation starts from an empty journal. */
  void wipe(String node);

  /** A fault aimed at one running node; a crashed node misses it. */
  void tell(String node, NodeFault fault);

  /** A fault struck these nodes now: if the leader is among them, a failover that follows is its doing. */
  void faultStruck(String action, List<String> nodes);

  /** Every client takes the change (new rates, a stop or a start) in its own context. */
  void changeWorkload(WorkloadChange change);
}
