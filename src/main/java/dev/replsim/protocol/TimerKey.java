package dev.replsim.protocol;

/** The timers a node's protocol core may ask its driver for; one pending timer per key. */
public enum TimerKey {
  /** The leader's next heartbeat round. */
  HEARTBEAT,
  /** The earliest semi-sync commit deadline among the writes waiting for acks. */
  COMMIT_TIMEOUT,
  /** A follower finishing the entry it is applying. */
  APPLY,
  /** A follower or candidate checking whether it has heard from a leader in time. */
  ELECTION,
  /** A leader checking it still hears from a majority (its lease), or that a switchover is done. */
  LEASE,
  /** The earliest deadline among the reads a follower holds for a state it has not applied yet. */
  READ_TIMEOUT;

  /**
   * Whether the timer ends a stretch of emulated work (an entry's apply) rather than a wait on
   * the clock: a paused node does no work, so a driver moves such a timer on by the pause, while
   * the others fire when their time has come, as a real process's timers would.
   */
  public boolean endsWork() {
    return this == APPLY;
  }
}
