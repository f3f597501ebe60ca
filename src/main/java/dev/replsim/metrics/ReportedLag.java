package dev.replsim.metrics;

import dev.replsim.protocol.Observation;
import org.HdrHistogram.Histogram;

/**
 * One follower's lag as the databases themselves would report it, beside the true lags the
 * recorder measures: PostgreSQL's {@code pg_stat_replication} (positions and write, flush and
 * replay lag, estimated on the leader's clock from the follower's replies) and MySQL's
 * {@code Seconds_Behind_Source} (the follower's clock against the source timestamp of the entry
 * it is applying). The leader's and the follower's threads update the current state; the sampler
 * polls it every sample interval, as a monitoring system polls the views, and keeps the statistics.
 */
final class ReportedLag {

  private static final int SIGNIFICANT_DIGITS = 3;

  /** A follower's applier as last reported, with the true time of the report. */
  private record Applier(Observation.ApplierState state, long atMicros) {}

  // pg_stat_replication, written by the leader's thread
  volatile long sentLsn;
  volatile long writeLsn;
  volatile long flushLsn;
  volatile long replayLsn;
  volatile long writeLagMicros = Observation.UNKNOWN_LAG;
  volatile long flushLagMicros = Observation.UNKNOWN_LAG;
  volatile long replayLagMicros = Observation.UNKNOWN_LAG;

  // the applier, written by the follower's thread
  private volatile Applier applier;

  // polled values, written by the sampler only
  final Histogram writeLag = new Histogram(SIGNIFICANT_DIGITS);
  final Histogram flushLag = new Histogram(SIGNIFICANT_DIGITS);
  final Histogram replayLag = new Histogram(SIGNIFICANT_DIGITS);
  final Histogram secondsBehindSource = new Histogram(SIGNIFICANT_DIGITS);

  void reply(Observation.StandbyReply r) {
    writeLsn = r.writeLsn();
    flushLsn = r.flushLsn();
    replayLsn = r.replayLsn();
    writeLagMicros = r.writeLagMicros();
    flushLagMicros = r.flushLagMicros();
    replayLagMicros = r.replayLagMicros();
  }

  void applier(Observation.ApplierState state, long atMicros) {
    applier = new Applier(state, atMicros);
  }

  /**
   * Seconds_Behind_Source at the true time {@code nowMicros}: the follower's clock then is the
   * clock it reported plus the time since, so a skewed clock stays skewed.
   */
  long secondsBehindSource(long nowMicros) {
    Applier a = applier;
    if (a == null) {
      return 0;
    }
    return a.state().secondsBehindSource(a.state().localMicros() + (nowMicros - a.atMicros()));
  }

  /**
   * Polls the current values into the statistics; unknown (NULL) lags are left out.
   *
   * @return Seconds_Behind_Source now
   */
  long poll(long nowMicros) {
    recordKnown(writeLag, writeLagMicros);
    recordKnown(flushLag, flushLagMicros);
    recordKnown(replayLag, replayLagMicros);
    long seconds = secondsBehindSource(nowMicros);
    secondsBehindSource.recordValue(seconds);
    return seconds;
  }

  private static void recordKnown(Histogram h, long micros) {
    if (micros != Observation.UNKNOWN_LAG) {
      h.recordValue(Math.max(0, micros));
    }
  }
}
