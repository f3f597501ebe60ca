package dev.replsim.protocol;

import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.RowChange;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The leader's protocol core: it assigns consecutive LSNs to writes, appends them to its log and
 * database, ships them to each follower in order, tracks each follower's received, durable and
 * applied positions from their acks, and answers a write once the commit rule of the mode is met.
 */
public final class Leader implements ProtocolNode {

  private final String name;
  private final long term;
  private final ProtocolSettings settings;
  private final ReplicationLog log = new ReplicationLog();
  private final KeyValueStore store = new KeyValueStore();
  private final List<String> followers;
  private final FollowerProgress progress;
  private final ArrayDeque<PendingWrite> pending = new ArrayDeque<>();
  private long durableLsn;
  private long commitTimerAt = Long.MAX_VALUE;

  /** A write waiting for its commit rule. */
  private static final class PendingWrite {
    final Write write;
    final long lsn;
    final long deadline;
    boolean timedOut;

    PendingWrite(Write write, long lsn, long deadline) {
      this.write = write;
      this.lsn = lsn;
      this.deadline = deadline;
    }
  }

  public Leader(String name, long term, List<String> followers, ProtocolSettings settings) {
    this.name = name;
    this.term = term;
    this.followers = List.copyOf(followers);
    this.settings = settings;
    this.progress = new FollowerProgress(this.followers);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decision start(long now) {
    Decision d = new Decision();
    d.setTimer(TimerKey.HEARTBEAT, now + settings.heartbeatIntervalMicros());
    return d;
  }

  @Override
  public Decision onWrite(Write write, long now) {
    Decision d = new Decision();
    long lsn = log.lastLsn() + 1;
    RowChange change = new RowChange(write.key(), write.value(), write.valueBytes());
    Entry entry = Entry.of(term, lsn, change, now);
    log.append(entry);
    store.apply(change);
    d.persist(entry);
    d.observe(new Observation.Appended(lsn, entry.sizeBytes()));
    CommitPolicy commit = settings.commit();
    long deadline = commit.hasTimeout() ? now + commit.timeoutMicros() : Long.MAX_VALUE;
    pending.add(new PendingWrite(write, lsn, deadline));
    armCommitTimer(d);
    if (!followers.isEmpty()) {
      d.requestFlush();
    }
    return d;
  }

  @Override
  public Decision onMessage(Message message, long now) {
    Decision d = new Decision();
    if (message.term() != term) {
      return d; // a stale or future term: fencing arrives with failover
    }
    if (message instanceof Ack) {
      onAck((Ack) message, d);
    } else if (message instanceof ResendRequest) {
      onResendRequest((ResendRequest) message, d);
    }
    return d;
  }

  private void onAck(Ack ack, Decision d) {
    int i = progress.indexOf(ack.from());
    if (i < 0 || !fromCurrentIncarnation(i, ack.from(), ack.incarnation(), d)) {
      return;
    }
    boolean windowWasFull = !progress.hasRoom(i, settings.maxInFlightEntries());
    progress.acked(i, ack);
    release(d);
    if (windowWasFull && progress.nextLsn(i) <= log.lastLsn()) {
      d.requestFlush();
    }
  }

  private void onResendRequest(ResendRequest request, Decision d) {
    int i = progress.indexOf(request.from());
    if (i < 0 || !fromCurrentIncarnation(i, request.from(), request.incarnation(), d)) {
      return;
    }
    progress.received(i, request.fromLsn() - 1);
    if (request.fromLsn() <= progress.receivedLsn(i)) {
      return; // stale: duplicated, or overtaken by an ack showing the follower has more
    }
    if (request.fromLsn() < progress.nextLsn(i)) {
      progress.rewind(i);
      d.observe(new Observation.ResendServed(request.from(), request.fromLsn()));
      d.requestFlush();
    }
  }

  /** False for a message sent before the follower restarted; notes a restart and ships again. */
  private boolean fromCurrentIncarnation(int i, String follower, long incarnation, Decision d) {
    FollowerProgress.Incarnation seen = progress.incarnation(i, incarnation);
    if (seen == FollowerProgress.Incarnation.RESTARTED) {
      d.observe(new Observation.FollowerRestarted(follower, incarnation));
      d.requestFlush();
    }
    return seen != FollowerProgress.Incarnation.STALE;
  }

  @Override
  public Decision onDurable(long upToLsn, long now) {
    Decision d = new Decision();
    if (upToLsn > durableLsn) {
      d.observe(new Observation.Durable(durableLsn + 1, upToLsn));
      durableLsn = upToLsn;
      release(d);
    }
    return d;
  }

  @Override
  public Decision onTimer(TimerKey key, long now) {
    Decision d = new Decision();
    if (key == TimerKey.HEARTBEAT) {
      for (int i = 0; i < followers.size(); i++) {
        d.send(followers.get(i), new Heartbeat(term, name, progress.nextLsn(i) - 1));
      }
      log.truncatePrefix(followers.isEmpty() ? log.lastLsn() : progress.minReceived());
      d.setTimer(TimerKey.HEARTBEAT, now + settings.heartbeatIntervalMicros());
    } else if (key == TimerKey.COMMIT_TIMEOUT) {
      commitTimerAt = Long.MAX_VALUE;
      for (PendingWrite p : pending) {
        if (p.deadline > now) {
          break;
        }
        p.timedOut = true;
      }
      release(d);
      armCommitTimer(d);
    }
    return d;
  }

  @Override
  public Decision onFlush(long now) {
    Decision d = new Decision();
    long last = log.lastLsn();
    for (int i = 0; i < followers.size(); i++) {
      if (progress.nextLsn(i) < log.firstLsn()) {
        shipSnapshot(i, d);
      }
      while (progress.nextLsn(i) <= last && progress.hasRoom(i, settings.maxInFlightEntries())) {
        long room = settings.maxInFlightEntries() - progress.inFlight(i);
        int max = (int) Math.min(settings.maxBatchEntries(), room);
        List<Entry> batch = log.slice(progress.nextLsn(i), max);
        d.send(followers.get(i), new AppendEntries(term, name, batch));
        progress.shipped(i, batch.get(batch.size() - 1).lsn());
      }
    }
    return d;
  }

  /**
   * The follower needs entries this leader no longer holds: it gets the whole database as of the
   * last LSN instead, and the entries after it.
   */
  private void shipSnapshot(int i, Decision d) {
    long last = log.lastLsn();
    Snapshot snapshot = new Snapshot(term, name, last, store.rows());
    d.send(followers.get(i), snapshot);
    d.observe(new Observation.SnapshotSent(followers.get(i), last, snapshot.sizeBytes()));
    progress.shipped(i, last);
  }

  /** Answers, in LSN order, every pending write that the commit rule (or its timeout) now allows. */
  private void release(Decision d) {
    CommitPolicy commit = settings.commit();
    long commitLsn = commit.commitLsn(durableLsn, progress.positions(commit.ackLevel()));
    while (!pending.isEmpty()) {
      PendingWrite p = pending.peek();
      if (p.lsn > durableLsn || (p.lsn > commitLsn && !p.timedOut)) {
        break;
      }
      pending.poll();
      boolean fallback = p.lsn > commitLsn;
      if (fallback) {
        int acked = progress.countAtLeast(p.lsn, commit.ackLevel());
        d.observe(new Observation.Fallback(p.lsn, acked, commit.acks()));
      }
      Write w = p.write;
      d.reply(new WriteOutcome(w.client(), w.requestId(), p.lsn, term, fallback));
    }
  }

  /**
   * Keeps one commit timer armed no later than the oldest pending deadline. Deadlines grow with
   * LSN, so the head of the queue has the earliest one; a timer that fires early just re-arms.
   */
  private void armCommitTimer(Decision d) {
    for (PendingWrite p : pending) {
      if (p.timedOut) {
        continue;
      }
      if (p.deadline != Long.MAX_VALUE && p.deadline < commitTimerAt) {
        commitTimerAt = p.deadline;
        d.setTimer(TimerKey.COMMIT_TIMEOUT, commitTimerAt);
      }
      return;
    }
  }

  @Override
  public NodeStatus status() {
    return new NodeStatus(name, NodeStatus.Role.LEADER, term, log.lastLsn(), durableLsn,
        log.lastLsn(), store.digest(), store.size());
  }

  /** The leader's database, for checks and tests. */
  public KeyValueStore store() {
    return store;
  }

  /** The in-memory tail of the log, for tests in this package: its bounds show the truncation. */
  ReplicationLog log() {
    return log;
  }

  /** Writes appended but not yet answered. */
  public int pendingWrites() {
    return pending.size();
  }
}
