package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.network.Transmission;
import dev.replsim.protocol.Message;
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

  /** Every node's track: any node may follow, and the leader may change. */
  private final Map<String, FollowerTrack> followers = new LinkedHashMap<>();
  private final FailoverLog failovers;
  private final AcknowledgedWrites acknowledgedWrites = new AcknowledgedWrites();
  private final LsnIndex lsns = new LsnIndex();
  private volatile long leaderLastLsn;
  /** Written by the leader's thread on every append; read once the run is over. */
  private long leaderBytes;
  private final IntervalHistogram commitLatency;
  private final LongAdder attempted = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private final LongAdder fullPageImages = new LongAdder();
  private final ConcurrentLinkedQueue<RunEvent> events = new ConcurrentLinkedQueue<>();
  private final MessageTrace trace = new MessageTrace();
  private final NetworkCounts network;
  private final ReadCounts reads = new ReadCounts();
  private final RecoveryLog recoveries = new RecoveryLog();
  /** Whether any node has come (back) into the cluster: until then applies need no lag lookup. */
  private volatile boolean recovering;
  private volatile long writeStartMicros;
  private volatile ObservationListener listener;
  private volatile MessageTap tap;

  /** Hears every observation as the recorder is handed it: the books a test or a tool keeps itself. */
  @FunctionalInterface
  public interface ObservationListener {
    void observed(String node, Observation o, long atMicros);
  }

  private final NodeTelemetry telemetry = new RecorderTelemetry(this);

  /** The latest sample's figures, for the dashboard. */
  private volatile TimeSeriesSampler.Snapshot lastSample;

  /** Stale reads counted as the clients' histories record them (only in runs that record one). */
  private final StaleReadMeter staleReads = new StaleReadMeter();

  /**
   * Hears every message between nodes as its link decided it, beside the trace's windows: what a
   * live view (the classroom dashboard) draws in flight. Called on the sending node's thread.
   */
  @FunctionalInterface
  public interface MessageTap {
    /**
     * @param dueAtMicros when it arrives; for a dropped one, when it would have arrived
     * @param dropped whether it is lost on its way (loss, a partition, no node of that name running)
     */
    void carried(String from, String to, Message message, long sentAtMicros, long dueAtMicros, boolean dropped);
  }

  public Recorder(String leader, List<String> followerNames) {
    this(leader, followerNames, false);
  }

  /**
   * @param oneThread whether everything is recorded and sampled on one thread (a virtual run),
   *     so the histograms need no memory barriers
   */
  public Recorder(String leader, List<String> followerNames, boolean oneThread) {
    this.failovers = new FailoverLog(leader);
    this.network = new NetworkCounts(oneThread);
    this.commitLatency = new IntervalHistogram(oneThread ? IntervalHistogram.Threads.ONE
        : IntervalHistogram.Threads.MULTI_WRITER);
    followers.put(leader, new FollowerTrack(leader, false, oneThread));
    for (String f : followerNames) {
      followers.put(f, new FollowerTrack(f, true, oneThread));
    }
  }

  /** Marks the instant the writes start: the t = 0 of every output. */
  public void writesStarted(long atMicros) {
    writeStartMicros = atMicros;
  }

  public long writeStartMicros() {
    return writeStartMicros;
  }

  /** Hands every observation recorded from now on to {@code listener} as well. */
  public void listen(ObservationListener listener) {
    this.listener = listener;
  }

  /** Records what a node's protocol core reported, at the true time {@code atMicros}. */
  public void observe(String node, Observation o, long atMicros) {
    ObservationListener l = listener;
    if (l != null) {
      l.observed(node, o, atMicros);
    }
    if (o instanceof Observation.Appended) {
      appended(node, (Observation.Appended) o, atMicros);
      return;
    }
    FollowerTrack f = followers.get(node);
    if (o instanceof Observation.Following && recovering && f != null) {
      caughtUp(node, f.appliedLsn, atMicros); // it may hold all its new leader has
    }
    if (RoleEvents.observe(this, failovers, node, f, o, atMicros)) {
      return;
    }
    if (o instanceof Observation.Received && f != null) {
      Observation.Received r = (Observation.Received) o;
      f.followed = true;
      recordLags(f.receiveLag, r.fromLsn(), r.toLsn(), atMicros);
      f.receivedLsn = r.toLsn();
    } else if (o instanceof Observation.Durable && f != null) {
      Observation.Durable d = (Observation.Durable) o;
      recordLags(f.durableLag, d.fromLsn(), d.toLsn(), atMicros);
      f.durableLsn = d.toLsn();
    } else if (o instanceof Observation.Applied && f != null) {
      Observation.Applied a = (Observation.Applied) o;
      recordLags(f.applyLag, a.fromLsn(), a.toLsn(), atMicros);
      long appendedAt = lsns.appendedAt(a.toLsn());
      f.lastApplyLagMicros = appendedAt < 0 ? 0 : atMicros - appendedAt;
      f.appliedEntries += a.toLsn() - a.fromLsn() + 1;
      f.appliedLsn = a.toLsn();
      if (recovering) {
        caughtUp(node, a.toLsn(), atMicros);
      }
    } else if (o instanceof Observation.SnapshotInstalled && f != null) {
      Observation.SnapshotInstalled s = (Observation.SnapshotInstalled) o;
      f.appliedEntries += Math.max(0, s.lsn() - f.appliedLsn);
      f.receivedLsn = s.lsn();
      f.durableLsn = s.lsn();
      f.appliedLsn = s.lsn();
      f.followed = true;
      event(atMicros, "snapshot-installed", node, details("lsn", s.lsn(), "rows", s.rows()));
      if (recovering) {
        caughtUp(node, s.lsn(), atMicros);
      }
    } else if (o instanceof Observation.Fallback) {
      fallbacks.increment();
      ProtocolEvents.observe(this, node, o, atMicros);
    } else if (o instanceof Observation.SnapshotSent) {
      recoveries.snapshotSent(((Observation.SnapshotSent) o).follower(), ((Observation.SnapshotSent) o).bytes());
      ProtocolEvents.observe(this, node, o, atMicros);
    } else if (!ProtocolEvents.observe(this, node, o, atMicros)) {
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

  /**
   * The current leader appended an entry. Appends by a node that no longer leads (a deposed
   * leader that has not heard yet) are not the run's log and are left out.
   */
  private synchronized void appended(String node, Observation.Appended a, long atMicros) {
    if (!node.equals(failovers.leader())) {
      return;
    }
    leaderBytes = lsns.bytesUpTo(a.lsn() - 1) + a.bytes();
    lsns.put(a.lsn(), atMicros, leaderBytes);
    leaderLastLsn = a.lsn();
    for (FollowerTrack f : followers.values()) {
      if (f.name.equals(node)) {
        continue;
      }
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

  /** A node won an election: the run's log now ends where its log ends. */
  synchronized void newLeader(String node, long lastLsn) {
    leaderLastLsn = lastLsn;
    leaderBytes = lsns.bytesUpTo(lastLsn);
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

  /**
   * A client heard its write committed at {@code lsn} by the leader of {@code term}, at
   * {@code atMicros}: the (term, LSN) pair is what the final leader's log is checked against for
   * lost writes.
   */
  public void writeCommitted(long latencyMicros, long term, long lsn, long atMicros) {
    acknowledged.increment();
    acknowledgedWrites.add(term, lsn);
    failovers.acked(term, atMicros);
    commitLatency.record(latencyMicros);
  }

  /** A client gave up on writes: not answered within its write timeout, or their leader went down. */
  public void writesFailed(int count) {
    timedOut.add(count);
  }

  /**
   * The leader restarted empty in a new term (a cluster without failover): its log starts again
   * from LSN 1 and 0 bytes, and the writes acknowledged in earlier terms are gone from it.
   */
  public synchronized void leaderRestarted(long term, long atMicros) {
    failovers.restartedLeader(term, atMicros);
    leaderBytes = 0;
    leaderLastLsn = 0;
    event(atMicros, "new-term", failovers.leader(), details("term", term));
  }

  /** A fault struck these nodes at {@code atMicros}: if the leader is among them, a failover may follow. */
  public void faultStruck(String action, Collection<String> nodes, long atMicros) {
    failovers.fault(action, nodes, atMicros);
  }

  /** A restarted or added node applied up to {@code lsn}: caught up if it holds all, or lags little. */
  private void caughtUp(String node, long lsn, long atMicros) {
    if (lsn >= leaderLastLsn) {
      recoveries.applied(node, 0, atMicros, this); // nothing left to apply (the writes may have ended)
      return;
    }
    long appendedAt = lsns.appendedAt(lsn);
    if (appendedAt >= 0) {
      recoveries.applied(node, atMicros - appendedAt, atMicros, this);
    }
  }

  /**
   * A node came (back) into the cluster at {@code atMicros}: restarted ({@code kind} "restart") or
   * added ("add-follower"), having rebuilt its state up to {@code recoveredLsn} from its journal in
   * {@code recoverMs}, replaying {@code replayed} entries. Its positions start where it recovered.
   */
  public void nodeStarted(String node, String kind, long atMicros, String journal, boolean wiped, double recoverMs,
      long replayed, long recoveredLsn) {
    FollowerTrack f = followers.get(node);
    if (f != null && recoveredLsn > 0) {
      f.receivedLsn = recoveredLsn;
      f.durableLsn = recoveredLsn;
      f.appliedLsn = recoveredLsn;
    }
    recoveries.started(node, kind, atMicros, journal, wiped, recoverMs, replayed, recoveredLsn, this);
    recovering = true;
  }

  /** A restarted node leads again with its log: it is caught up as it starts. */
  public void leaderCaughtUp(String node, long atMicros) {
    recoveries.applied(node, 0, atMicros, this);
  }

  /** Every node that came (back) into the cluster, with its recovery and catch-up figures. */
  public List<Summary.Recovery> recoveries() {
    return recoveries.summary(writeStartMicros);
  }

  /**
   * The leader restarted in a new term from its durable journal (a cluster without failover): its
   * log goes on from {@code lastLsn}.
   */
  public synchronized void leaderRecovered(long term, long lastLsn, long atMicros) {
    failovers.restartedLeader(term, atMicros);
    leaderLastLsn = lastLsn;
    leaderBytes = lsns.bytesUpTo(lastLsn);
    event(atMicros, "new-term", failovers.leader(), details("term", term));
  }

  /** A node crashed: it no longer acts as leader, if it did. */
  public void nodeDown(String node, long atMicros) {
    failovers.leaderGone(node, atMicros);
  }

  /** The node that leads now, as the last election (or the scenario) made it. */
  public String currentLeader() {
    return failovers.leader();
  }

  /** The current leader's term. */
  public long currentTerm() {
    return failovers.term();
  }

  /** What the emulated network did. */
  public NetworkCounts network() {
    return network;
  }

  // ---- the message trace (messages.csv), for the report's message-sequence diagram ----

  /**
   * Has {@code tap} hear every message from now on, or none with null. Without a tap (every run
   * but a demo) a message costs one more read of a field; the tap must not change what the run does.
   */
  public void tapMessages(MessageTap tap) {
    this.tap = tap;
  }

  /** Traces a message that left {@code from} for {@code to}, if it was sent in a traced window. */
  public void traceSent(String from, String to, Message message, long sentAtMicros, long deliverAtMicros) {
    MessageTap t = tap;
    if (t != null) {
      t.carried(from, to, message, sentAtMicros, deliverAtMicros, false);
    }
    if (trace.wants(sentAtMicros)) {
      keep(from, to, message, sentAtMicros, deliverAtMicros);
    }
  }

  /**
   * Traces a message dropped on its way at {@code atMicros} (lost, cut off, or no link), if in a
   * window; {@code wouldArriveAtMicros} is when its link would have delivered it (for the tap).
   */
  public void traceDropped(String from, String to, Message message, long atMicros, long wouldArriveAtMicros) {
    MessageTap t = tap;
    if (t != null) {
      t.carried(from, to, message, atMicros, wouldArriveAtMicros, true);
    }
    if (trace.wants(atMicros)) {
      keep(from, to, message, atMicros, -1);
    }
  }

  private void keep(String from, String to, Message message, long sentAtMicros, long deliverAtMicros) {
    if (!trace.add(from, to, message, sentAtMicros, deliverAtMicros)) {
      event(sentAtMicros, "message-trace-full", null, details("limit", MessageTrace.LIMIT));
    }
  }

  /**
   * Traces every message sent from {@code fromMicros} to {@code toMicros}: the driver asks for the
   * first seconds of the writes and for the seconds around each scheduled fault.
   */
  public void traceWindow(long fromMicros, long toMicros) {
    trace.window(fromMicros, toMicros);
  }

  /** The traced messages in order of sending, timed like every output (ms since the writes started). */
  public List<TracedMessage> tracedMessages() {
    return trace.messages(writeStartMicros);
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
    return failovers.leader();
  }

  /** The nodes following now: every node but the current leader. */
  Collection<FollowerTrack> followers() {
    String leader = failovers.leader();
    List<FollowerTrack> list = new ArrayList<>(followers.size());
    for (FollowerTrack f : followers.values()) {
      if (!f.name.equals(leader)) {
        list.add(f);
      }
    }
    return Collections.unmodifiableList(list);
  }

  /** The nodes that followed at some time in the run, for the summary's lag figures. */
  Collection<FollowerTrack> everFollowed() {
    return followers.values().stream().filter(f -> f.followed).toList();
  }

  FailoverLog failovers() {
    return failovers;
  }

  AcknowledgedWrites acknowledgedWrites() {
    return acknowledgedWrites;
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

  /** What nodes in this JVM tell the recorder (see {@link NodeTelemetry}). */
  public NodeTelemetry telemetry() {
    return telemetry;
  }

  /** Keeps the figures of the sample just taken (by {@link TimeSeriesSampler}). */
  void sampled(TimeSeriesSampler.Snapshot snapshot) {
    lastSample = snapshot;
  }

  /** The latest sample's figures, or null before the first. */
  public TimeSeriesSampler.Snapshot lastSample() {
    return lastSample;
  }

  /** Stale reads as they happen, fed by the run's history (see {@link HistoryRecorder}). */
  public StaleReadMeter staleReads() {
    return staleReads;
  }

  long attempted() {
    return attempted.sum();
  }

  long acknowledged() {
    return acknowledged.sum();
  }

  long timedOut() {
    return timedOut.sum();
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

  IntervalHistogram commitLatency() {
    return commitLatency;
  }


  /** The events as recorded, unsorted: a view the dashboard reads from where it left off. */
  Collection<RunEvent> eventsInOrderRecorded() {
    return Collections.unmodifiableCollection(events);
  }

  public List<RunEvent> events() {
    List<RunEvent> list = new ArrayList<>(events);
    list.sort((a, b) -> Double.compare(a.tMs(), b.tMs()));
    return list;
  }

  /**
   * Whether each of these followers has applied everything the leader appended; a follower that
   * refused the stream never will, so it is not waited for.
   */
  public boolean caughtUp(Collection<String> running) {
    long last = leaderLastLsn;
    String leader = failovers.leader();
    for (FollowerTrack f : followers.values()) {
      if (running.contains(f.name) && !f.name.equals(leader) && f.refusal == null && (f.term != failovers.term() || f.appliedLsn < last)) {
        return false;
      }
    }
    return true;
  }

  /** What the clients' reads did. */
  public ReadCounts reads() {
    return reads;
  }

  /** Writes issued and not yet answered. */
  public long outstandingWrites() {
    return attempted.sum() - acknowledged.sum() - timedOut.sum();
  }
}
