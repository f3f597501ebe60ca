package dev.replsim.protocol;

import dev.replsim.storage.Change;
import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.Row;
import dev.replsim.storage.RowCapture;
import dev.replsim.storage.RowImage;
import dev.replsim.storage.WalRecord;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The leader's protocol core: it executes writes on its database, appends the change its
 * replication method captures under consecutive LSNs, ships entries to each follower in order,
 * tracks each follower's received, durable and applied positions from their acks (with
 * PostgreSQL's lag estimates), answers a write once the commit rule is met, and answers reads
 * with what its wait point lets other clients see.
 */
public final class Leader implements ProtocolNode {

  private final String name;
  private final long term;
  private final ProtocolSettings settings;
  private final ReplicationLog log = new ReplicationLog();
  private final ChangeCapture capture;
  private final Database database;
  private final List<String> followers;
  private final FollowerProgress progress;
  private final CommitQuorum quorum;
  private final ArrayDeque<PendingWrite> pending = new ArrayDeque<>();
  private long durableLsn;
  /** The last LSN answered: under {@link WaitPoint#AFTER_SYNC}, what other clients may see. */
  private long releasedLsn;
  private long commitTimerAt = Long.MAX_VALUE;

  /** A leader replicating row images (logical replication) of a fresh database. */
  public Leader(String name, long term, List<String> followers, ProtocolSettings settings) {
    this(name, term, followers, settings, new RowCapture(new KeyValueStore(), RowImage.MINIMAL));
  }

  /** @param capture the replication method's capture over the leader's database */
  public Leader(String name, long term, List<String> followers, ProtocolSettings settings, ChangeCapture capture) {
    this.name = name;
    this.term = term;
    this.followers = List.copyOf(followers);
    this.settings = settings;
    this.capture = capture;
    this.database = capture.database();
    this.progress = new FollowerProgress(this.followers);
    this.quorum = new CommitQuorum(settings.commit(), this.followers);
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
    CommitPolicy commit = settings.commit();
    long deadline = commit.hasTimeout() ? now + commit.timeoutMicros() : Long.MAX_VALUE;
    PendingWrite p = new PendingWrite(write, lsn, deadline);
    pending.add(p);
    Change change = capture.capture(write.statement(), now, p); // p hears the rows before the write
    Entry entry = Entry.of(term, lsn, change, now);
    log.append(entry);
    d.persist(entry);
    d.observe(new Observation.Appended(lsn, entry.sizeBytes()));
    if (change instanceof WalRecord && ((WalRecord) change).fullPageImages() > 0) {
      d.observe(new Observation.FullPageImages(lsn, ((WalRecord) change).fullPageImages()));
    }
    armCommitTimer(d);
    if (!followers.isEmpty()) {
      d.requestFlush();
    }
    return d;
  }

  /**
   * Answers with what other clients may see: every write up to the visible LSN, and, for a key
   * that a later write changed, the row before that write. After sync, a write is visible once
   * answered; after commit, once durable on the leader, before any follower acked it. A session
   * that has already seen a newer state (on a follower) is shown that state: never an older one.
   */
  @Override
  public Decision onRead(Read read, long now) {
    long visible = settings.commit().waitPoint() == WaitPoint.AFTER_COMMIT ? durableLsn : releasedLsn;
    if (read.after().term() == term) {
      visible = Math.max(visible, Math.min(read.after().lsn(), durableLsn));
    }
    Row row = database.get(read.key());
    for (PendingWrite p : pending) {
      if (p.lsn > visible && p.touches(read.key())) {
        row = p.before(read.key());
        break;
      }
    }
    Decision d = new Decision();
    d.answer(new ReadOutcome(read.client(), read.requestId(), read.key(), row == null ? null : row.value(), visible,
        term, 0));
    return d;
  }

  @Override
  public Decision onMessage(Message message, long now) {
    Decision d = new Decision();
    if (message.term() != term) {
      return d; // a stale or future term: fencing arrives with failover
    }
    if (message instanceof Ack) {
      onAck((Ack) message, now, d);
    } else if (message instanceof ResendRequest) {
      onResendRequest((ResendRequest) message, d);
    } else if (message instanceof StreamRefused) {
      int i = progress.indexOf(message.from());
      if (i >= 0) {
        progress.detach(i);
        release(d); // FIRST k may now count on the next standby
      }
    }
    return d;
  }

  private void onAck(Ack ack, long now, Decision d) {
    int i = progress.indexOf(ack.from());
    if (i < 0 || !fromCurrentIncarnation(i, ack.from(), ack.incarnation(), d)) {
      return;
    }
    boolean windowWasFull = !progress.hasRoom(i, settings.maxInFlightEntries());
    progress.acked(i, ack);
    long sent = progress.nextLsn(i) - 1;
    LagTracker lag = progress.lag(i);
    lag.reply(ack.receivedLsn(), ack.durableLsn(), ack.appliedLsn(), sent, now);
    d.observe(new Observation.StandbyReply(ack.from(), sent, ack.receivedLsn(), ack.durableLsn(),
        ack.appliedLsn(), lag.lag(LagTracker.WRITE), lag.lag(LagTracker.FLUSH), lag.lag(LagTracker.REPLAY)));
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
        if (!progress.isDetached(i)) {
          d.send(followers.get(i), new Heartbeat(term, name, progress.nextLsn(i) - 1));
        }
      }
      log.truncatePrefix(progress.minReceived(log.lastLsn()));
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
      if (progress.isDetached(i)) {
        continue;
      }
      if (progress.nextLsn(i) < log.firstLsn()) {
        shipSnapshot(i, d);
      }
      while (progress.nextLsn(i) <= last && progress.hasRoom(i, settings.maxInFlightEntries())) {
        long room = settings.maxInFlightEntries() - progress.inFlight(i);
        int max = (int) Math.min(settings.maxBatchEntries(), room);
        List<Entry> batch = log.slice(progress.nextLsn(i), max);
        AppendEntries message = new AppendEntries(term, name, batch);
        Entry lastEntry = batch.get(batch.size() - 1);
        d.send(followers.get(i), message);
        d.observe(new Observation.Shipped(followers.get(i), batch.get(0).lsn(), lastEntry.lsn(),
            message.sizeBytes()));
        progress.shipped(i, lastEntry.lsn());
        // PostgreSQL samples the flush time of the WAL it sends, for the lags replies will show
        progress.lag(i).record(lastEntry.lsn(), lastEntry.appendedAtMicros());
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
    Snapshot snapshot = new Snapshot(term, name, last, database.image());
    d.send(followers.get(i), snapshot);
    d.observe(new Observation.SnapshotSent(followers.get(i), last, snapshot.sizeBytes()));
    progress.shipped(i, last);
  }

  /** Answers, in LSN order, every pending write that the commit rule (or its timeout) now allows. */
  private void release(Decision d) {
    CommitPolicy commit = settings.commit();
    long[] positions = progress.positions(commit.ackLevel());
    long commitLsn = quorum.commitLsn(durableLsn, positions, progress.detached());
    while (!pending.isEmpty()) {
      PendingWrite p = pending.peek();
      if (p.lsn > durableLsn || (p.lsn > commitLsn && !p.timedOut)) {
        break;
      }
      pending.poll();
      releasedLsn = p.lsn;
      boolean fallback = p.lsn > commitLsn;
      if (fallback) {
        d.observe(new Observation.Fallback(p.lsn, quorum.acked(p.lsn, positions), quorum.needed(followers.size())));
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
        log.lastLsn(), database.digest(), database.size());
  }

  @Override
  public Database database() {
    return database;
  }

  /** The leader's database, for checks and tests. */
  public Database store() {
    return database;
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
