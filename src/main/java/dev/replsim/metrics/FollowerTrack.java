package dev.replsim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Everything measured about one follower: the lag of each entry it received, made durable and
 * applied (microsecond histograms, recorded by the follower's own thread and read by the sampler
 * interval by interval), its current positions, and how far it fell behind at worst.
 */
final class FollowerTrack {

  private static final long MAX_LAG_MICROS = 3_600_000_000L;

  final String name;
  final SingleWriterRecorder receiveLag = recorder();
  final SingleWriterRecorder durableLag = recorder();
  final SingleWriterRecorder applyLag = recorder();
  final Histogram receiveTotal = histogram();
  final Histogram durableTotal = histogram();
  final Histogram applyTotal = histogram();

  volatile long receivedLsn;
  volatile long durableLsn;
  volatile long appliedLsn;
  volatile long appliedBytes;
  /** Written by the leader's thread only, when it appends. */
  volatile long maxEntriesBehind;
  volatile long maxBytesBehind;
  /** The applied LSN when the writes stopped, for the replicated-writes throughput. */
  volatile long appliedAtWriteEnd;

  FollowerTrack(String name) {
    this.name = name;
  }

  static SingleWriterRecorder recorder() {
    return new SingleWriterRecorder(MAX_LAG_MICROS, 3);
  }

  static Histogram histogram() {
    return new Histogram(MAX_LAG_MICROS, 3);
  }

  /** Records one lag, clamped into the histogram's range. */
  static void record(SingleWriterRecorder recorder, long lagMicros) {
    recorder.recordValue(Math.min(Math.max(lagMicros, 0), MAX_LAG_MICROS));
  }
}
