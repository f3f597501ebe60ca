package dev.replsim.protocol;

import dev.replsim.random.DurationSampler;
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
    ProtocolHarness h = new ProtocolHarness().add(new Leader(LEADER, 1, names, settings));
    for (String name : names) {
      h.add(new Follower(name, LEADER, 1, 1, settings, applyTime.apply(name)));
    }
    return h;
  }
}
