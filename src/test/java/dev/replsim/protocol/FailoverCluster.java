package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;

import dev.replsim.random.SeededStreams;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.RowCapture;
import dev.replsim.storage.RowImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of {@link Replica}s in a {@link ProtocolHarness}, as the live driver builds it: the
 * node {@code leader} leads term 1, followers {@code follower-1} .. {@code follower-n} follow it,
 * each node draws its election timeouts from its own seeded stream, and a restarted node comes back
 * empty but for its votes, in its next incarnation.
 */
final class FailoverCluster {

  private final ProtocolHarness harness;
  private final ProtocolSettings settings;
  private final SeededStreams streams;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Long> incarnations = new HashMap<>();

  private FailoverCluster(ProtocolSettings settings, int followers, long seed) {
    this.settings = settings;
    this.streams = new SeededStreams(seed);
    names.add(LEADER);
    for (int i = 1; i <= followers; i++) {
      names.add(follower(i));
    }
    this.harness = new ProtocolHarness(names);
  }

  /** Settings with failover: heartbeats every 50 ms, the given timeout and fencing. */
  static ProtocolSettings settings(CommitPolicy commit, ElectionSettings.Strategy strategy, long timeoutMicros,
      boolean fencing) {
    return new ProtocolSettings(commit, 100, 100_000, TestCluster.HEARTBEAT_MICROS,
        new ElectionSettings(strategy, timeoutMicros, fencing, ElectionSettings.Detector.FIXED, 8));
  }

  static FailoverCluster start(ProtocolSettings settings, int followers, long seed) {
    FailoverCluster c = new FailoverCluster(settings, followers, seed);
    for (String name : c.names) {
      c.harness.add(name.equals(LEADER) ? Replicas.leading(c.setup(name), new KeyValueStore())
          : Replicas.following(c.setup(name), LEADER, 1, LEADER, new KeyValueStore()));
    }
    return c;
  }

  ProtocolHarness harness() {
    return harness;
  }

  List<String> names() {
    return names;
  }

  private NodeSetup setup(String name) {
    long incarnation = incarnations.merge(name, 1L, Long::sum);
    List<String> peers = new ArrayList<>(names);
    peers.remove(name);
    var random = streams.stream("election:" + name + ":" + incarnation);
    return new NodeSetup(name, peers, incarnation, settings, () -> 0,
        db -> new RowCapture(db, RowImage.MINIMAL), random::nextLong);
  }

  /** Starts a crashed node again, empty, with its last vote: what it saved before it crashed. */
  void restart(String name) {
    long term = 0;
    String votedFor = null;
    for (ProtocolHarness.Observed o : harness.observed(name, Observation.Voted.class)) {
      Observation.Voted v = (Observation.Voted) o.observation();
      if (v.term() >= term) {
        term = v.term();
        votedFor = v.candidate();
      }
    }
    if (term == 0) {
      term = 1;
      votedFor = LEADER;
    }
    harness.add(Replicas.rejoining(setup(name), term, votedFor, new KeyValueStore()));
  }

  /**
   * Starts a crashed node again, empty, as a cluster without failover does: the leader leads again
   * in {@code term}, a follower follows it.
   */
  void restartWithoutFailover(String name, long term) {
    harness.add(name.equals(LEADER) ? Replicas.restartedLeader(setup(name), term, new KeyValueStore())
        : Replicas.following(setup(name), LEADER, term, LEADER, new KeyValueStore()));
  }
}
