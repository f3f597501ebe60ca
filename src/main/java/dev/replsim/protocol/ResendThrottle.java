package dev.replsim.protocol;

/**
 * Keeps a follower from flooding the leader with resend requests: after a loss every later batch
 * reveals the same gap, but one request per gap is enough while the resend is on its way. A gap
 * that stays open is asked for again with a doubling back-off, in case the request or the resend
 * was lost as well.
 */
final class ResendThrottle {

  private static final long MAX_BACKOFF_MICROS = 2_000_000;

  private final long baseBackoffMicros;
  private long askedFrom = -1;
  private long askedAt;
  private long backoff;

  ResendThrottle(long baseBackoffMicros) {
    this.baseBackoffMicros = baseBackoffMicros;
  }

  /** Whether to ask for a resend from {@code fromLsn} now; records the request if so. */
  boolean shouldAsk(long fromLsn, long now) {
    if (fromLsn == askedFrom) {
      if (now - askedAt < backoff) {
        return false;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MICROS);
    } else {
      backoff = baseBackoffMicros;
    }
    askedFrom = fromLsn;
    askedAt = now;
    return true;
  }

  /** The follower received entries up to {@code lastLsn}: an older gap is closed. */
  void progressed(long lastLsn) {
    if (lastLsn >= askedFrom) {
      askedFrom = -1;
    }
  }
}
