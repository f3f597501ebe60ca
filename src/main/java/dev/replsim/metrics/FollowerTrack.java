package dev.replsim.metrics;

/**
 * Everything measured about one follower: the lag of each entry it received, made durable and
 * applied (microsecond histograms, recorded by the follower's own thread and read by the sampler
 * interval by interval), its current positions, how far it fell behind at worst, what the leader
 * shipped to it, and its lag as the databases would report it.
 */
final class FollowerTrack {

  final String name;
  final IntervalHistogram receiveLag;
  final IntervalHistogram durableLag;
  final IntervalHistogram applyLag;

  /** The term of the leader this follower follows; a follower still in an older term is not caught up. */
  volatile long term = 1;
  volatile long receivedLsn;
  volatile long durableLsn;
  volatile long appliedLsn;
  /** How long the last entry it applied took from the leader's append; written by the follower's thread. */
  volatile long lastApplyLagMicros;
  /** Written by the leader's thread only, when it appends. */
  volatile long maxEntriesBehind;
  volatile long maxBytesBehind;
  /**
   * Entries this follower has applied, one by one or through a snapshot, across terms: what it
   * replicated, whatever became of it later. Written by the follower's thread only.
   */
  volatile long appliedEntries;
  /** {@link #appliedEntries} when the writes stopped, for the replicated-writes throughput. */
  volatile long appliedAtWriteEnd;
  /** Bytes of the replication messages the leader shipped to it; written by the leader's thread. */
  volatile long shippedBytes;
  /** Why it refused the stream, or null. */
  volatile String refusal;
  final ReportedLag reported = new ReportedLag();
  /** Whether this node followed at some time in the run: it has lag figures to report. */
  volatile boolean followed;

  FollowerTrack(String name, boolean followed, boolean oneThread) {
    this.name = name;
    this.followed = followed;
    IntervalHistogram.Threads threads = oneThread ? IntervalHistogram.Threads.ONE
        : IntervalHistogram.Threads.SINGLE_WRITER;
    this.receiveLag = new IntervalHistogram(threads);
    this.durableLag = new IntervalHistogram(threads);
    this.applyLag = new IntervalHistogram(threads);
  }
}
