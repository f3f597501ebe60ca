package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.protocol.Observation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The observer of a run: nodes, links and clients report what happened with the true time, and
 * the recorder turns it into lags, latencies and counts. Safe to call from every node's thread at
 * once; each follower's figures are written by that follower only, so recording stays cheap.
 */
public final class Recorder {

  private final String leader;
  private final Map<String, FollowerTrack> followers = new LinkedHashMap<>();
  private final LsnIndex lsns = new LsnIndex();
  private volatile long leaderLastLsn;
  /** Written by the leader's thread on every append; read once the run is over. */
  private long leaderBytes;
  private final IntervalHistogram commitLatency = new IntervalHistogram(false);
  private final IntervalHistogram deliveryError = new IntervalHistogram(false);
  private final LongAdder attempted = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private final LongAdder fullPageImages = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final ConcurrentLinkedQueue<RunEvent> events = new ConcurrentLinkedQueue<>();
  private volatile long writeStartMicros;

  public Recorder(String leader, List<String> followerNames) {
    this.leader = leader;
    for (String f : followerNames) {
      followers.put(f, new FollowerTrack(f));
    }
  }

  /** Marks the instant the writes start: the t = 0 of every output. */
  public void writesStarted(long atMicros) {
    writeStartMicros = atMicros;
  }

  public long writeStartMicros() {
    return writeStartMicros;
  }

  /** Records what a node's protocol core reported, at the true time {@code atMicros}. */
  public void observe(String node, Observation o, long atMicros) {
    if (o instanceof Observation.Appended) {
      appended((Observation.Appended) o, atMicros);
      return;
    }
    FollowerTrack f = followers.get(node);
    if (o instanceof Observation.Received && f != null) {
      Observation.Received r = (Observation.Received) o;
      recordLags(f.receiveLag, r.fromLsn(), r.toLsn(), atMicros);
      f.receivedLsn = r.toLsn();
    } else if (o instanceof Observation.Durable && f != null) {
      Observation.Durable d = (Observation.Durable) o;
      recordLags(f.durableLag, d.fromLsn(), d.toLsn(), atMicros);
      f.durableLsn = d.toLsn();
    } else if (o instanceof Observation.Applied && f != null) {
      Observation.Applied a = (Observation.Applied) o;
      recordLags(f.applyLag, a.fromLsn(), a.toLsn(), atMicros);
      f.appliedLsn = a.toLsn();
    } else if (o instanceof Observation.Fallback) {
      Observation.Fallback fb = (Observation.Fallback) o;
      fallbacks.increment();
      event(atMicros, "semi-sync-fallback", node,
          details("lsn", fb.lsn(), "acked", fb.acked(), "needed", fb.needed()));
    } else if (o instanceof Observation.GapDetected) {
      Observation.GapDetected g = (Observation.GapDetected) o;
      event(atMicros, "gap-detected", node,
          details("expectedLsn", g.expectedLsn(), "receivedLsn", g.receivedLsn()));
    } else if (o instanceof Observation.ResendServed) {
      Observation.ResendServed r = (Observation.ResendServed) o;
      event(atMicros, "resend", node, details("follower", r.follower(), "fromLsn", r.fromLsn()));
    } else {
      observeMethod(f, o, atMicros);
    }
  }

  /** What the replication methods and the databases' own lag views add. */
  private void observeMethod(FollowerTrack f, Observation o, long atMicros) {
    if (o instanceof Observation.Shipped) {
      Observation.Shipped s = (Observation.Shipped) o;
      FollowerTrack to = followers.get(s.follower());
      if (to != null) {
        to.shippedBytes += s.bytes(); // the leader's thread only
        to.reported.sentLsn = Math.max(to.reported.sentLsn, s.toLsn());
      }
    } else if (o instanceof Observation.StandbyReply) {
      FollowerTrack from = followers.get(((Observation.StandbyReply) o).follower());
      if (from != null) {
        from.reported.reply((Observation.StandbyReply) o);
      }
    } else if (o instanceof Observation.ApplierState && f != null) {
      f.reported.applier((Observation.ApplierState) o, atMicros);
    } else if (o instanceof Observation.StreamRefused && f != null) {
      Observation.StreamRefused r = (Observation.StreamRefused) o;
      f.refusal = r.reason();
      event(atMicros, "stream-refused", f.name, details("lsn", r.lsn(), "reason", r.reason()));
    } else if (o instanceof Observation.FullPageImages) {
      fullPageImages.add(((Observation.FullPageImages) o).pages());
    }
  }

  /** Only the leader's thread appends. */
  private void appended(Observation.Appended a, long atMicros) {
    leaderBytes += a.bytes();
    lsns.put(a.lsn(), atMicros, leaderBytes);
    leaderLastLsn = a.lsn();
    for (FollowerTrack f : followers.values()) {
      long applied = f.appliedLsn;
      long entriesBehind = a.lsn() - applied;
      if (entriesBehind > f.maxEntriesBehind) {
        f.maxEntriesBehind = entriesBehind;
      }
      long bytesBehind = leaderBytes - lsns.bytesUpTo(applied);
      if (bytesBehind > f.maxBytesBehind) {
        f.maxBytesBehind = bytesBehind;
      }
    }
  }

  private void recordLags(IntervalHistogram lags, long from, long to, long at) {
    for (long lsn = from; lsn <= to; lsn++) {
      long appendedAt = lsns.appendedAt(lsn);
      if (appendedAt >= 0) {
        lags.record(at - appendedAt);
      }
    }
  }

  public void writeIssued() {
    attempted.increment();
  }

  public void writeCommitted(long latencyMicros) {
    acknowledged.increment();
    commitLatency.record(latencyMicros);
  }

  public void messageSent(int sizeBytes) {
    sent.increment();
    bytes.add(sizeBytes);
  }

  /** A message was handed to its node {@code errorMicros} after its sampled delivery instant. */
  public void messageDelivered(long errorMicros) {
    delivered.increment();
    deliveryError.record(errorMicros);
  }

  /** Adds a line to {@code events.jsonl}. */
  public void event(long atMicros, String type, String node, Map<String, Object> details) {
    events.add(new RunEvent(toOutputMs(atMicros), type, node, details));
  }

  /** Milliseconds since the writes started, as every output reports time. */
  public double toOutputMs(long atMicros) {
    return (atMicros - writeStartMicros) / 1000.0;
  }

  // ---- read side: the sampler and the summary ----

  String leader() {
    return leader;
  }

  Collection<FollowerTrack> followers() {
    return Collections.unmodifiableCollection(followers.values());
  }

  long leaderLastLsn() {
    return leaderLastLsn;
  }

  /** The append instant of {@code lsn}, or -1. */
  long appendedAt(long lsn) {
    return lsns.appendedAt(lsn);
  }

  /** The bytes of the leader's log from {@code fromLsn} (exclusive) to {@code toLsn} (inclusive). */
  long bytesBetween(long fromLsn, long toLsn) {
    return toLsn <= fromLsn ? 0 : lsns.bytesUpTo(toLsn) - lsns.bytesUpTo(fromLsn);
  }

  long attempted() {
    return attempted.sum();
  }

  long acknowledged() {
    return acknowledged.sum();
  }

  long fallbacks() {
    return fallbacks.sum();
  }

  /** The bytes of the leader's log: every entry's modelled size. */
  long leaderBytes() {
    return leaderBytes;
  }

  long fullPageImages() {
    return fullPageImages.sum();
  }

  /** The bytes of the leader's log up to {@code lsn}: a position as PostgreSQL reports it. */
  long bytesAt(long lsn) {
    return lsns.bytesUpTo(Math.min(lsn, leaderLastLsn));
  }

  long sent() {
    return sent.sum();
  }

  long delivered() {
    return delivered.sum();
  }

  long bytes() {
    return bytes.sum();
  }

  IntervalHistogram commitLatency() {
    return commitLatency;
  }

  IntervalHistogram deliveryError() {
    return deliveryError;
  }

  public List<RunEvent> events() {
    List<RunEvent> list = new ArrayList<>(events);
    list.sort((a, b) -> Double.compare(a.tMs(), b.tMs()));
    return list;
  }

  /**
   * Whether every follower has applied everything the leader appended; a follower that refused
   * the stream never will, so it is not waited for.
   */
  public boolean caughtUp() {
    long last = leaderLastLsn;
    for (FollowerTrack f : followers.values()) {
      if (f.appliedLsn < last && f.refusal == null) {
        return false;
      }
    }
    return true;
  }

  /** Writes issued and not yet answered. */
  public long outstandingWrites() {
    return attempted.sum() - acknowledged.sum();
  }
}
