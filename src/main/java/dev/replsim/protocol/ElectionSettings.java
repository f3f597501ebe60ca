package dev.replsim.protocol;

/**
 * How a cluster replaces a dead leader.
 *
 * @param strategy none (never), election (followers that stop hearing from the leader elect a new
 *     one) or manual (only a planned switchover changes the leader)
 * @param timeoutMicros the least election timeout: how long a follower waits at least without
 *     hearing from the leader before it suspects it; also how recently a follower must have heard
 *     a leader to refuse to help depose it, and a leader's lease
 * @param maxTimeoutMicros the greatest election timeout: each follower draws its timeout uniformly
 *     in [timeoutMicros, maxTimeoutMicros] (to the microsecond), so that one usually stands first
 * @param fencing whether nodes reject messages of older terms and a deposed leader steps down;
 *     without fencing, a deposed leader goes on accepting writes (split brain)
 * @param detector how suspicion is decided: a fixed timeout, or phi accrual over heartbeat gaps
 * @param phiThreshold for the phi detector: suspect when phi exceeds it
 * @param preVote whether a follower asks for pre-votes before it raises its term; without, it
 *     stands at once (the Raft paper's algorithm)
 * @param voteRule whether a voter grants only to a candidate whose log is at least as up to date
 *     as its own (Raft's election restriction) or to any candidate
 * @param lease a follower that heard a leader within {@code timeoutMicros} refuses votes (leader
 *     stickiness), and, with fencing, a leader acknowledges writes and stays leader only while a
 *     majority heard it within that time; without, a leader leads until it hears a newer term and
 *     any voter may vote, as in the Raft paper
 */
public record ElectionSettings(
    Strategy strategy,
    long timeoutMicros,
    long maxTimeoutMicros,
    boolean fencing,
    Detector detector,
    double phiThreshold,
    boolean preVote,
    VoteRule voteRule,
    boolean lease) {

  /** No failover: a dead leader stays dead until it restarts. */
  public static final ElectionSettings NONE =
      new ElectionSettings(Strategy.NONE, 500_000, true, Detector.FIXED, 8);

  /** How a new leader comes about. */
  public enum Strategy {
    NONE,
    ELECTION,
    MANUAL
  }

  /** How a follower decides the leader is gone. */
  public enum Detector {
    FIXED,
    PHI
  }

  /** Which candidates a voter may grant its vote to. */
  public enum VoteRule {
    /** Raft's election restriction: only a log at least as up to date (last term, then length). */
    LOG,
    /** Any candidate, whatever its log: a teaching switch that shows why the rule exists. */
    ANY
  }

  public ElectionSettings {
    if (timeoutMicros <= 0 || maxTimeoutMicros < timeoutMicros) {
      throw new IllegalArgumentException("election timeouts must be 0 < min <= max: " + timeoutMicros + ".."
          + maxTimeoutMicros);
    }
  }

  /**
   * The plain form, {@code failover.timeout = 500ms}: timeouts drawn between the timeout and
   * twice it (less a microsecond), with pre-vote, Raft's vote rule and the lease.
   */
  public ElectionSettings(Strategy strategy, long timeoutMicros, boolean fencing, Detector detector,
      double phiThreshold) {
    this(strategy, timeoutMicros, 2 * timeoutMicros - 1, fencing, detector, phiThreshold, true, VoteRule.LOG, true);
  }

  public boolean elects() {
    return strategy == Strategy.ELECTION;
  }
}
