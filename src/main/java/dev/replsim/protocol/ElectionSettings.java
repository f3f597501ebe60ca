package dev.replsim.protocol;

/**
 * How a cluster replaces a dead leader.
 *
 * @param strategy none (never), election (followers that stop hearing from the leader elect a new
 *     one) or manual (only a planned switchover changes the leader)
 * @param timeoutMicros how long a follower waits without hearing from the leader before it
 *     suspects it; each follower waits a random time between this and twice this, so that one
 *     usually stands first
 * @param fencing whether nodes reject messages of older terms and a deposed leader steps down;
 *     without fencing, a deposed leader goes on accepting writes (split brain)
 * @param detector how suspicion is decided: a fixed timeout, or phi accrual over heartbeat gaps
 * @param phiThreshold for the phi detector: suspect when phi exceeds it
 */
public record ElectionSettings(
    Strategy strategy, long timeoutMicros, boolean fencing, Detector detector, double phiThreshold) {

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

  public boolean elects() {
    return strategy == Strategy.ELECTION;
  }
}
