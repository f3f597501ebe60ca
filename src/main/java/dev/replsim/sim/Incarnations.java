package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.metrics.Recorder;
import dev.replsim.node.HardState;
import dev.replsim.protocol.ElectionSettings;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.Recovery;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The lives of a run's nodes, kept alike by every driver: each node's incarnation, the cluster's
 * term for a leader restarted without failover, the disks lost, and what is recorded when a node
 * crashes or comes back. A driver asks it for each incarnation's core and carries the start out.
 */
public final class Incarnations {

  /**
   * One incarnation about to start.
   *
   * @param first the node's first start: one of the run's nodes at t = 0, or a follower added mid-run
   * @param leadsAgain a leader restarted without failover: it leads a newer term
   * @param recovery what its journal recovered ({@link Recovery#empty()} with the memory journal)
   */
  public record Start(String node, long incarnation, boolean first, boolean leadsAgain, ProtocolNode core,
      Recovery recovery) {}

  private final Scenario scenario;
  private final NodeFactory factory;
  private final Recorder recorder;
  private final Map<String, Long> incarnations = new ConcurrentHashMap<>();
  private final Set<String> wiped = ConcurrentHashMap.newKeySet();
  private volatile long term = 1;

  public Incarnations(Scenario scenario, NodeFactory factory, Recorder recorder) {
    this.scenario = scenario;
    this.factory = factory;
    this.recorder = recorder;
  }

  /**
   * The next incarnation of {@code node}: empty with the memory journal ({@code recovery} null),
   * or with what its durable journal recovered. Without failover a restarted leader starts a newer
   * term; with failover a restarted node follows whoever leads now, once it hears from them.
   *
   * @param leader the node that leads now
   */
  public Start next(String node, String leader, Recovery recovery) {
    boolean first = !incarnations.containsKey(node);
    boolean leadsAgain = !first && node.equals(leader)
        && scenario.failover().election().strategy() == ElectionSettings.Strategy.NONE;
    if (leadsAgain) {
      term++;
    }
    long incarnation = incarnations.merge(node, 1L, Long::sum);
    HardState.Vote vote = factory.hardState().of(node, scenario.leader());
    ProtocolNode core = factory.core(node, term, incarnation, vote, recovery, leader);
    return new Start(node, incarnation, first, leadsAgain, core, recovery == null ? Recovery.empty() : recovery);
  }

  /** Records a node that came back (or was added) at {@code startedAt}, its journal recovered in {@code recoverMs}. */
  public void started(Start s, long startedAt, double recoverMs, long nowMicros) {
    long lsn = s.recovery().lastLsn();
    if (s.leadsAgain() && lsn > 0) {
      recorder.leaderRecovered(term, lsn, nowMicros);
    } else if (s.leadsAgain()) {
      recorder.leaderRestarted(term, nowMicros);
    }
    recorder.nodeStarted(s.node(), s.first() ? "add-follower" : "restart", startedAt, journalKind(),
        wiped.remove(s.node()), recoverMs, s.recovery().entries().size(), lsn);
  }

  /**
   * The incarnation runs, at {@code nowMicros}: a leader that came back leading is caught up as it
   * starts, and {@code events.jsonl} says the node is up.
   */
  public void running(Start s, long nowMicros) {
    if (s.leadsAgain()) {
      recorder.leaderCaughtUp(s.node(), nowMicros);
    }
    recorder.event(nowMicros, "node-up", s.node(), details());
  }

  /** The node crashed at {@code atMicros}: what it had sent and the network had not delivered is lost. */
  public void crashed(String node, long atMicros) {
    factory.crashes().crashed(node, atMicros);
    recorder.nodeDown(node, atMicros);
  }

  /** The crashed node's disk is lost: its next incarnation starts from an empty journal. */
  public void wipe(String node) {
    wiped.add(node);
  }

  /** The nodes that ran and are down now (an added follower not added yet is not among them). */
  public List<String> down(Predicate<String> running) {
    List<String> down = new ArrayList<>();
    for (String node : scenario.allNodes()) {
      if (incarnations.containsKey(node) && !running.test(node)) {
        down.add(node);
      }
    }
    return down;
  }

  private String journalKind() {
    String p = scenario.cluster().persistence();
    return p.startsWith("jdbc:") ? "jdbc" : p;
  }
}
