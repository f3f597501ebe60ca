package dev.replsim.protocol;

import dev.replsim.protocol.ElectionSettings.Strategy;
import dev.replsim.random.Distribution;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.Incarnations;
import dev.replsim.sim.NodeFactory;
import dev.replsim.storage.RowImage;
import java.util.List;

/**
 * The cluster protocol tests use, built as a run builds its nodes: a leader named {@code leader}
 * and followers {@code follower-1} .. {@code follower-n}, started in a {@link ProtocolHarness} at
 * time 0, each node's core made by the product's {@link NodeFactory} from a {@link TestScenario},
 * and its lives (restarts, added followers, the votes it keeps) by the product's
 * {@link Incarnations}. A restarted node comes back in its next incarnation, empty but for its
 * hard state, or from what its journal recovered.
 */
final class TestCluster {

  static final String LEADER = "leader";
  static final long HEARTBEAT_MICROS = ms(50);
  /** WAL checkpoints in tests: one a second. */
  static final long CHECKPOINT_MICROS = ms(1000);

  private final Scenario scenario;
  private final ProtocolHarness harness;
  private final Incarnations lives;
  /** The node that led last: who a restarted leader of a cluster without failover is. */
  private String lastLeader;

  TestCluster(Scenario scenario) {
    this.scenario = scenario;
    NodeFactory factory = new NodeFactory(scenario);
    this.harness = new ProtocolHarness(scenario, factory.hardState());
    this.lives = new Incarnations(scenario, factory, harness.recorder());
    this.lastLeader = scenario.leader();
    for (String node : scenario.nodes()) {
      harness.add(lives.next(node, lastLeader, null).core());
    }
  }

  static long ms(long millis) {
    return millis * 1000;
  }

  static String follower(int i) {
    return "follower-" + i;
  }

  /** The defaults of conf/replsim.conf: batches of 100, a window of 100,000, 50 ms heartbeats. */
  static ProtocolSettings settings(CommitPolicy commit) {
    return new ProtocolSettings(commit, 100, 100_000, HEARTBEAT_MICROS);
  }

  /** Settings with failover: heartbeats every 50 ms, the given timeout and fencing. */
  static ProtocolSettings settings(CommitPolicy commit, Strategy strategy, long timeoutMicros, boolean fencing) {
    return new ProtocolSettings(commit, 100, 100_000, HEARTBEAT_MICROS,
        new ElectionSettings(strategy, timeoutMicros, fencing, ElectionSettings.Detector.FIXED, 8));
  }

  static CommitPolicy sync(AckLevel level) {
    return new CommitPolicy(CommitMode.SYNC, 0, level, 0);
  }

  static CommitPolicy semiSync(int acks, long timeoutMicros) {
    return new CommitPolicy(CommitMode.SEMI_SYNC, acks, AckLevel.APPLIED, timeoutMicros);
  }

  /** A cluster of a leader and {@code followers} followers, to be set up further and started. */
  static TestScenario of(ProtocolSettings settings, int followers) {
    return new TestScenario(settings, followers);
  }

  /** Started with the given seed, from which each node's election timeouts are drawn. */
  static TestCluster start(ProtocolSettings settings, int followers, long seed) {
    return of(settings, followers).seed(seed).start();
  }

  static ProtocolHarness start(ProtocolSettings settings, int followers) {
    return of(settings, followers).start().harness();
  }

  /** Each node takes what {@code applyTime} draws on its own stream per entry. */
  static ProtocolHarness start(ProtocolSettings settings, int followers, Distribution applyTime) {
    return of(settings, followers).applyTime(applyTime).start().harness();
  }

  /**
   * A cluster replicating by {@code method}: the leader and then each follower with the page
   * format version given (as many followers as versions after the leader's).
   */
  static ProtocolHarness start(ProtocolSettings settings, ReplicationMethod method, RowImage image,
      int... versions) {
    return of(settings, versions.length - 1).method(method, image, versions).start().harness();
  }

  ProtocolHarness harness() {
    return harness;
  }

  /** The cluster's nodes, the first leader first (not the followers added later). */
  List<String> names() {
    return scenario.nodes();
  }

  /**
   * Starts a crashed node again, empty (the memory journal) but for its last vote. With failover
   * it follows whoever leads once it hears from them; without, a follower follows the leader, and
   * the leader leads again in a newer term.
   */
  void restart(String node) {
    restart(node, null);
  }

  /** Starts a crashed node again from what its journal recovered. */
  void restart(String node, Recovery recovery) {
    String leader = harness.leaderName();
    if (leader != null) {
      lastLeader = leader;
    }
    Incarnations.Start start = lives.next(node, lastLeader, recovery);
    harness.add(start.core());
    lives.started(start, harness.now(), 0, harness.now());
  }

  /** Adds a follower the scenario names among those added: it joins whoever leads now. */
  void add(String node) {
    restart(node, null);
  }
}
