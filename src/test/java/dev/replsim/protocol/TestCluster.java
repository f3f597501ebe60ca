package dev.replsim.protocol;

import dev.replsim.random.DurationSampler;
import dev.replsim.random.SeededStreams;
import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.RowImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cluster most protocol tests use: a leader named {@code leader} and followers
 * {@code follower-1} .. {@code follower-n}, started in a {@link ProtocolHarness} at time 0.
 */
final class TestCluster {

  static final String LEADER = "leader";
  static final long HEARTBEAT_MICROS = ms(50);

  private TestCluster() {}

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

  static CommitPolicy sync(AckLevel level) {
    return new CommitPolicy(CommitMode.SYNC, 0, level, 0);
  }

  static CommitPolicy semiSync(int acks, long timeoutMicros) {
    return new CommitPolicy(CommitMode.SEMI_SYNC, acks, AckLevel.APPLIED, timeoutMicros);
  }

  /** WAL checkpoints in tests: one a second. */
  static final long CHECKPOINT_MICROS = ms(1000);

  /**
   * A cluster replicating by {@code method}: the leader and then each follower with the page
   * format version given (as many followers as versions after the leader's), each node's database
   * drawing from its own seeded stream, as the live driver gives them.
   */
  static ProtocolHarness start(ProtocolSettings settings, ReplicationMethod method, RowImage image,
      int... versions) {
    SeededStreams streams = new SeededStreams(1);
    List<String> names = new ArrayList<>();
    for (int i = 1; i < versions.length; i++) {
      names.add(follower(i));
    }
    Database leaderDb = method.database(versions[0], 100, streams.stream("db:" + LEADER)::nextLong);
    ProtocolHarness h = harness(names);
    h.add(Replicas.leading(setup(LEADER, names, settings, () -> 0, method, image), leaderDb));
    for (int i = 1; i < versions.length; i++) {
      Database db = method.database(versions[i], 100, streams.stream("db:" + follower(i))::nextLong);
      h.add(Replicas.following(setup(follower(i), names, settings, () -> 0, method, image), LEADER, 1, LEADER, db));
    }
    return h;
  }

  static ProtocolHarness start(ProtocolSettings settings, int followers) {
    return start(settings, followers, name -> () -> 0);
  }

  /** Each follower takes what its own sampler, {@code applyTime.apply(name)}, draws per entry. */
  static ProtocolHarness start(ProtocolSettings settings, int followers,
      Function<String, DurationSampler> applyTime) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= followers; i++) {
      names.add(follower(i));
    }
    ProtocolHarness h = harness(names);
    h.add(Replicas.leading(setup(LEADER, names, settings, () -> 0, ReplicationMethod.LOGICAL, RowImage.MINIMAL),
        new KeyValueStore()));
    for (String name : names) {
      h.add(Replicas.following(setup(name, names, settings, applyTime.apply(name), ReplicationMethod.LOGICAL,
          RowImage.MINIMAL), LEADER, 1, LEADER, new KeyValueStore()));
    }
    return h;
  }

  /** The leader and the followers, and room for one more follower added mid-run. */
  private static ProtocolHarness harness(List<String> followers) {
    List<String> members = new ArrayList<>(List.of(LEADER));
    members.addAll(followers);
    members.add(follower(followers.size() + 1));
    return new ProtocolHarness(members);
  }

  private static NodeSetup setup(String name, List<String> followers, ProtocolSettings settings,
      DurationSampler applyTime, ReplicationMethod method, RowImage image) {
    List<String> peers = new ArrayList<>(List.of(LEADER));
    peers.addAll(followers);
    peers.remove(name);
    return new NodeSetup(name, peers, 1, settings, applyTime, db -> method.capture(db, image, CHECKPOINT_MICROS),
        n -> 0);
  }
}
