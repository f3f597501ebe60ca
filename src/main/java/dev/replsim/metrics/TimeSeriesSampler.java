package dev.replsim.metrics;

import dev.replsim.protocol.Observation;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Samples the recorder every {@code simulation.sample-interval} into the rows of
 * {@code timeseries.csv}, and folds each interval's lags into the run's totals. Per follower:
 * positions, entries and bytes behind, the current apply lag (how long the oldest entry it has not
 * applied has been waiting; 0 when caught up) and the lags of the entries it handled in the
 * interval, and its lag as PostgreSQL and MySQL would report it (see {@link ReportedLag}). For the
 * leader: last LSN, acknowledged writes per second and commit latency.
 */
public final class TimeSeriesSampler {

  /**
   * What the progress line and the dashboard show after a sample; the commit latencies are of the
   * writes acknowledged in the interval, null when there were none.
   */
  public record Snapshot(double writesPerSec, double maxApplyLagMs, Double commitP50Ms, Double commitP99Ms) {}

  /** The node column of rows about the emulated network as a whole. */
  public static final String NETWORK = "network";

  private final Recorder recorder;
  private final List<Sample> rows = new ArrayList<>();
  private long lastAt;
  private long lastAcknowledged;

  public TimeSeriesSampler(Recorder recorder, long startMicros) {
    this.recorder = recorder;
    this.lastAt = startMicros;
  }

  /** Takes one sample at {@code nowMicros}; the sampler's own thread or the driver's, never both at once. */
  public synchronized Snapshot sample(long nowMicros) {
    double t = recorder.toOutputMs(nowMicros);
    double seconds = Math.max(nowMicros - lastAt, 1) / 1e6;
    lastAt = nowMicros;
    long last = recorder.leaderLastLsn();
    String leader = recorder.leader();
    add(t, leader, "last_lsn", last);

    long acked = recorder.acknowledged();
    double writesPerSec = (acked - lastAcknowledged) / seconds;
    lastAcknowledged = acked;
    add(t, leader, "writes_per_s", round(writesPerSec));
    Histogram commit = recorder.commitLatency().roll();
    Double commitP50 = null;
    Double commitP99 = null;
    if (commit.getTotalCount() > 0) {
      commitP50 = ms(commit.getValueAtPercentile(50));
      commitP99 = ms(commit.getValueAtPercentile(99));
      add(t, leader, "commit_latency_p50_ms", commitP50);
      add(t, leader, "commit_latency_p99_ms", commitP99);
    }

    double maxLag = 0;
    for (FollowerTrack f : recorder.followers()) {
      long applied = f.appliedLsn;
      add(t, f.name, "received_lsn", f.receivedLsn);
      add(t, f.name, "applied_lsn", applied);
      add(t, f.name, "entries_behind", Math.max(0, last - applied));
      add(t, f.name, "bytes_behind", recorder.bytesBetween(applied, last));
      double lag = currentApplyLagMs(applied, last, nowMicros);
      maxLag = Math.max(maxLag, lag);
      add(t, f.name, "apply_lag_ms", lag);
      Histogram apply = f.applyLag.roll();
      if (apply.getTotalCount() > 0) {
        add(t, f.name, "apply_lag_p50_ms", ms(apply.getValueAtPercentile(50)));
        add(t, f.name, "apply_lag_max_ms", ms(apply.getMaxValue()));
      }
      Histogram receive = f.receiveLag.roll();
      if (receive.getTotalCount() > 0) {
        add(t, f.name, "receive_lag_p50_ms", ms(receive.getValueAtPercentile(50)));
      }
      f.durableLag.roll();
      reported(t, f, nowMicros);
    }
    Histogram delivery = recorder.network().deliveryError().roll();
    if (delivery.getTotalCount() > 0) {
      // how late the live links delivered, against their sampled instants: the emulator's precision
      add(t, NETWORK, "delivery_error_p99_ms", ms(delivery.getValueAtPercentile(99)));
      add(t, NETWORK, "delivery_error_max_ms", ms(delivery.getMaxValue()));
    }
    Snapshot snapshot = new Snapshot(writesPerSec, maxLag, commitP50, commitP99);
    recorder.sampled(snapshot);
    return snapshot;
  }

  /**
   * The follower as the databases would report it: PostgreSQL's positions in bytes and its lags
   * (rows left out while they are NULL), and MySQL's Seconds_Behind_Source.
   */
  private void reported(double t, FollowerTrack f, long nowMicros) {
    ReportedLag r = f.reported;
    long secondsBehind = r.poll(nowMicros);
    add(t, f.name, "sent_lsn_bytes", recorder.bytesAt(r.sentLsn));
    add(t, f.name, "write_lsn_bytes", recorder.bytesAt(r.writeLsn));
    add(t, f.name, "flush_lsn_bytes", recorder.bytesAt(r.flushLsn));
    add(t, f.name, "replay_lsn_bytes", recorder.bytesAt(r.replayLsn));
    addKnown(t, f.name, "pg_write_lag_ms", r.writeLagMicros);
    addKnown(t, f.name, "pg_flush_lag_ms", r.flushLagMicros);
    addKnown(t, f.name, "pg_replay_lag_ms", r.replayLagMicros);
    add(t, f.name, "seconds_behind_source", secondsBehind);
  }

  private void addKnown(double t, String node, String metric, long micros) {
    if (micros != Observation.UNKNOWN_LAG) {
      add(t, node, metric, ms(micros));
    }
  }

  /** How long the oldest entry this follower has not applied has been waiting, in ms. */
  private double currentApplyLagMs(long applied, long last, long nowMicros) {
    if (applied >= last) {
      return 0;
    }
    long appendedAt = recorder.appendedAt(applied + 1);
    return appendedAt < 0 ? 0 : ms(Math.max(0, nowMicros - appendedAt));
  }

  private void add(double t, String node, String metric, double value) {
    rows.add(new Sample(t, node, metric, value));
  }

  private static double ms(double micros) {
    return Math.round(micros) / 1000.0;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  public synchronized List<Sample> rows() {
    return List.copyOf(rows);
  }
}
