package dev.replsim.protocol;

import dev.replsim.clock.Periodic;
import java.util.function.LongUnaryOperator;

/**
 * A follower's failure detector for its leader. With the fixed detector it suspects the leader
 * once it has heard nothing from it for its election timeout, drawn uniformly from the election
 * timeout range each time the watch restarts (a new leader, a vote granted, a start) and for each
 * round of a campaign (Raft's randomized timeouts, so that one follower usually stands first);
 * with the phi detector, once phi over the leader's heartbeat intervals passes the threshold.
 * Either way, the least election timeout is also how recently a follower must have heard from a
 * leader to refuse to help depose it.
 */
final class LeaderWatch {

  private final ElectionSettings settings;
  private final long checkEveryMicros;
  private final LongUnaryOperator random;
  private final PhiAccrual phi;
  private long lastHeard;
  private long timeout;

  /** @param random draws a number in [0, n) for n; the node's own stream */
  LeaderWatch(ElectionSettings settings, long heartbeatIntervalMicros, LongUnaryOperator random) {
    this.settings = settings;
    this.checkEveryMicros = Math.max(1, heartbeatIntervalMicros / 2);
    this.random = random;
    this.phi = new PhiAccrual(heartbeatIntervalMicros / 2);
  }

  /**
   * A random election timeout, uniform in [min, max] to the microsecond. The plain form's range
   * is [t, 2t - 1], so it draws exactly what it always drew.
   */
  long randomTimeout() {
    long min = settings.timeoutMicros();
    return min + random.applyAsLong(settings.maxTimeoutMicros() - min + 1);
  }

  /** Starts watching afresh at {@code now}: a new leader, a vote granted, a start. */
  void restart(long now) {
    lastHeard = now;
    timeout = randomTimeout();
    phi.reset();
  }

  /** The leader was heard from at {@code now}. */
  void heard(long now) {
    lastHeard = now;
    phi.heartbeat(now);
  }

  /** Whether the leader was heard from within the least election timeout. */
  boolean heardRecently(long now) {
    return now - lastHeard < settings.timeoutMicros();
  }

  boolean suspects(long now) {
    if (settings.detector() == ElectionSettings.Detector.PHI && phi.phi(now) > settings.phiThreshold()) {
      return true;
    }
    return now - lastHeard >= timeout;
  }

  /**
   * When to check again after a check that was due at {@code due} and ran at {@code now}: the phi
   * detector checks in a steady rhythm; the fixed one need not look before its timeout can have passed.
   */
  long nextCheck(long due, long now) {
    if (settings.detector() == ElectionSettings.Detector.PHI) {
      return Periodic.next(due, checkEveryMicros, now);
    }
    return Math.max(now + 1, lastHeard + timeout);
  }
}
