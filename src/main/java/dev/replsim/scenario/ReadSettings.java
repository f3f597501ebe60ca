package dev.replsim.scenario;

import java.time.Duration;

/**
 * The reads of the {@code workload} section: how often clients read, which node serves a read,
 * read-after-write probes, and the session guarantee each client keeps.
 *
 * @param rate reads per second across all clients; 0 for none
 * @param from which node a read goes to
 * @param followerChoice with {@code from = followers}: how a client picks the follower of a read
 * @param readAfterWrite whether a client reads its own key {@code readAfterWriteDelay} after each of
 *     its writes is acknowledged
 * @param readAfterWriteDelay how long after the acknowledgement the probe reads
 * @param guarantee the session guarantee every client keeps
 * @param sessionTimeout how long a follower holds a read whose session needs a state it has not
 *     applied yet, before the read goes to the leader
 */
public record ReadSettings(
    double rate,
    ReadFrom from,
    FollowerChoice followerChoice,
    boolean readAfterWrite,
    Duration readAfterWriteDelay,
    SessionGuarantee guarantee,
    Duration sessionTimeout) {

  /** No reads at all: the defaults of conf/replsim.conf. */
  public static final ReadSettings NONE = new ReadSettings(0, ReadFrom.FOLLOWERS, FollowerChoice.RANDOM, false,
      Duration.ofMillis(10), SessionGuarantee.NONE, Duration.ofSeconds(1));

  /** Whether clients read at all: at a rate, or in read-after-write probes. */
  public boolean enabled() {
    return rate > 0 || readAfterWrite;
  }

  /** Which node serves a read. */
  public enum ReadFrom {
    /** Always the leader. */
    LEADER,
    /** A follower, chosen as {@link FollowerChoice} says. */
    FOLLOWERS,
    /**
     * The follower with the shortest mean delay on its link from the leader: clients sit beside
     * the leader, so that follower is the freshest on average.
     */
    NEAREST
  }

  /** How a client picks the follower of each read, with {@link ReadFrom#FOLLOWERS}. */
  public enum FollowerChoice {
    /** Any running follower, each as likely, per read. */
    RANDOM,
    /** Each client goes through the followers in turn. */
    ROUND_ROBIN,
    /** Each client keeps one follower, picked at random, as long as it runs. */
    STICKY
  }

  /** What a client's session promises its reads (Terry et al., 1994). */
  public enum SessionGuarantee {
    /** Nothing: a follower answers with whatever it has applied. */
    NONE,
    /** A read reflects the client's own acknowledged writes. */
    READ_YOUR_WRITES,
    /** A read never reflects an older state than an earlier read of the client did. */
    MONOTONIC_READS,
    /** A read never shows an effect without its cause: the causal past of what the client read. */
    CONSISTENT_PREFIX
  }
}
