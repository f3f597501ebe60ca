package dev.replsim.protocol;

import dev.replsim.random.DurationSampler;
import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import java.util.List;

/**
 * A follower's protocol core: it appends shipped entries strictly in LSN order, detects gaps and
 * asks the leader to resend from its last LSN, applies durable entries to its database one at a
 * time (each taking a sampled apply time, on its own clock), and acks its received, durable and
 * applied positions. It refuses a stream it cannot apply (WAL of another page format) and keeps
 * refusing it. It reports where its applier is, for MySQL's {@code Seconds_Behind_Source}. It
 * installs a snapshot when the leader sends one, and follows a leader of a newer term by
 * discarding what it held of the old one.
 */
public final class Follower implements ProtocolNode {

  private final String name;
  private final String leader;
  private final long incarnation;
  private final long resendBackoffMicros;
  private long term;
  private DurationSampler applyTime;
  private ReplicationLog log = new ReplicationLog();
  private Database database;
  private long durableLsn;
  private long appliedLsn;
  /** The entry being applied under an {@link TimerKey#APPLY} timer; 0 when none is. */
  private long applyingLsn;
  private boolean ackDue;
  /** Why this follower refused the stream, or null while it accepts it. */
  private String refusal;
  /** The oldest received entry not yet applied when last reported; 0 for none. */
  private long reportedApplierHead;
  /** Asks once per gap, and again only after a back-off that starts at the heartbeat interval. */
  private ResendThrottle resend;
  /** Reads held until this follower has applied the state their session asks for. */
  private final PendingReads reads = new PendingReads();

  /** A follower applying row images to a fresh database, in its first incarnation. */
  public Follower(String name, String leader, long term, ProtocolSettings settings,
      DurationSampler applyTime) {
    this(name, leader, term, 1, settings, applyTime, new KeyValueStore());
  }

  /**
   * @param term the term of the leader it follows when it starts
   * @param incarnation how many times this node has started: a restarted node has a higher one,
   *     so the leader knows to start over with it
   * @param applyTime how long applying one entry takes, drawn from this node's own stream
   * @param database the follower's database, of the kind its replication method needs
   */
  public Follower(String name, String leader, long term, long incarnation, ProtocolSettings settings,
      DurationSampler applyTime, Database database) {
    this.name = name;
    this.leader = leader;
    this.term = term;
    this.incarnation = incarnation;
    this.applyTime = applyTime;
    this.database = database;
    this.resendBackoffMicros = settings.heartbeatIntervalMicros();
    this.resend = new ResendThrottle(resendBackoffMicros);
  }

  /** Changes how long applying an entry takes from the next entry on (a {@code slow} fault). */
  public void setApplyTime(DurationSampler applyTime) {
    this.applyTime = applyTime;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decision start(long now) {
    return new Decision();
  }

  @Override
  public Decision onWrite(Write write, long now) {
    throw new UnsupportedOperationException(name + " is a follower and does not accept writes");
  }

  /**
   * Answers from what this follower has applied: possibly stale, never ahead of the leader. A read
   * that asks for a newer state waits for it (see {@link PendingReads}).
   */
  @Override
  public Decision onRead(Read read, long now) {
    Decision d = new Decision();
    reads.admit(read, term, appliedLsn, database, now, d);
    return d;
  }

  @Override
  public Decision onMessage(Message message, long now) {
    Decision d = new Decision();
    if (message.term() < term) {
      return d; // from a leader of an older term: stale
    }
    if (message.term() > term) {
      followNewTerm(message.term(), d);
    }
    if (message instanceof AppendEntries) {
      onAppendEntries((AppendEntries) message, now, d);
    } else if (message instanceof Heartbeat && refusal == null) {
      long shipped = ((Heartbeat) message).lastShippedLsn();
      if (shipped > log.lastLsn()) {
        // on a FIFO link everything shipped before the heartbeat has arrived: the rest was lost
        requestResend(now, d);
      }
      ackSoon(d);
    } else if (message instanceof Snapshot) {
      install((Snapshot) message, d);
    }
    reads.release(term, appliedLsn, database, now, d); // a snapshot or a newer term moves the state
    return d;
  }

  /**
   * The leader has a newer term: without failover that means it restarted and lost what it had,
   * so what this follower holds of the old term conflicts with the new log. It discards it all
   * and starts again from LSN 1 of the new term (the discarded writes are lost).
   */
  private void followNewTerm(long newTerm, Decision d) {
    d.observe(new Observation.FollowerReset(term, newTerm, log.lastLsn()));
    term = newTerm;
    restartFrom(ReplicationLog.after(0), database.fresh(), d);
  }

  /** Replaces the state with the leader's snapshot, unless it already has everything in it. */
  private void install(Snapshot snapshot, Decision d) {
    if (snapshot.lsn() > log.lastLsn()) {
      Database restored = database.fresh();
      restored.restore(snapshot.image());
      restartFrom(ReplicationLog.after(snapshot.lsn()), restored, d);
      d.observe(new Observation.SnapshotInstalled(snapshot.lsn(), snapshot.image().rows().size()));
    }
    ackSoon(d);
  }

  /** Continues from a new log and database as if both were durable and applied. */
  private void restartFrom(ReplicationLog newLog, Database newDatabase, Decision d) {
    log = newLog;
    database = newDatabase;
    durableLsn = newLog.lastLsn();
    appliedLsn = newLog.lastLsn();
    if (applyingLsn != 0) {
      applyingLsn = 0;
      d.cancelTimer(TimerKey.APPLY);
    }
    resend = new ResendThrottle(resendBackoffMicros);
  }

  private void onAppendEntries(AppendEntries msg, long now, Decision d) {
    long received = log.lastLsn();
    if (refusal != null) {
      d.send(leader, new StreamRefused(term, name, refusal)); // still refusing
      return;
    }
    if (msg.lastLsn() <= received) {
      ackSoon(d); // a duplicate: the leader may not know we have it
      return;
    }
    if (msg.firstLsn() > received + 1) {
      d.observe(new Observation.GapDetected(received + 1, msg.firstLsn()));
      requestResend(now, d);
      return;
    }
    List<Entry> fresh = msg.entries().subList((int) (received + 1 - msg.firstLsn()), msg.entries().size());
    for (Entry e : fresh) {
      String why = database.refusal(e.change());
      if (why != null) {
        refuse(e.lsn(), why, d);
        return;
      }
    }
    for (Entry e : fresh) {
      log.append(e);
    }
    resend.progressed(log.lastLsn());
    d.persist(fresh);
    d.observe(new Observation.Received(received + 1, log.lastLsn()));
    reportApplier(now, d);
    ackSoon(d);
  }

  private void refuse(long lsn, String why, Decision d) {
    refusal = why;
    d.observe(new Observation.StreamRefused(lsn, why));
    d.send(leader, new StreamRefused(term, name, why));
  }

  private void requestResend(long now, Decision d) {
    long from = log.lastLsn() + 1;
    if (resend.shouldAsk(from, now)) {
      d.send(leader, new ResendRequest(term, name, incarnation, from));
      d.observe(new Observation.ResendRequested(from));
    }
  }

  @Override
  public Decision onDurable(long upToLsn, long now) {
    Decision d = new Decision();
    // a journal write that completes after a reset or a snapshot may name entries no longer held
    upToLsn = Math.min(upToLsn, log.lastLsn());
    if (upToLsn > durableLsn) {
      d.observe(new Observation.Durable(durableLsn + 1, upToLsn));
      durableLsn = upToLsn;
      applyAvailable(now, d);
      ackSoon(d);
    }
    return d;
  }

  @Override
  public Decision onTimer(TimerKey key, long now) {
    Decision d = new Decision();
    if (key == TimerKey.APPLY && applyingLsn != 0) {
      Entry e = log.get(applyingLsn);
      database.apply(e.change(), now);
      appliedLsn = applyingLsn;
      applyingLsn = 0;
      d.observe(new Observation.Applied(e.lsn(), e.lsn(), e.sizeBytes()));
      applyAvailable(now, d);
      ackSoon(d);
    } else if (key == TimerKey.READ_TIMEOUT) {
      reads.expire(term, appliedLsn, database, now, d);
    }
    return d;
  }

  /** Applies durable entries in order, until one needs time to apply; that one gets a timer. */
  private void applyAvailable(long now, Decision d) {
    if (applyingLsn != 0) {
      return;
    }
    long from = appliedLsn + 1;
    long bytes = 0;
    while (appliedLsn < durableLsn) {
      Entry e = log.get(appliedLsn + 1);
      long cost = applyTime.nextMicros();
      if (cost > 0) {
        applyingLsn = e.lsn();
        d.setTimer(TimerKey.APPLY, now + cost);
        break;
      }
      database.apply(e.change(), now);
      appliedLsn = e.lsn();
      bytes += e.sizeBytes();
    }
    if (appliedLsn >= from) {
      d.observe(new Observation.Applied(from, appliedLsn, bytes));
    }
    reads.release(term, appliedLsn, database, now, d);
    reportApplier(now, d);
    log.truncatePrefix(appliedLsn);
  }

  /**
   * Reports the source timestamp of the oldest entry received and not yet applied, when that entry
   * changes: what MySQL's {@code Seconds_Behind_Source} is computed from, with this node's clock.
   */
  private void reportApplier(long now, Decision d) {
    long head = appliedLsn < log.lastLsn() ? appliedLsn + 1 : 0;
    if (head != reportedApplierHead) {
      reportedApplierHead = head;
      long source = head == 0 ? Observation.ApplierState.IDLE : log.get(head).appendedAtMicros();
      d.observe(new Observation.ApplierState(now, source));
    }
  }

  @Override
  public Decision onFlush(long now) {
    Decision d = new Decision();
    if (ackDue) {
      ackDue = false;
      d.send(leader, new Ack(term, name, incarnation, log.lastLsn(), durableLsn, appliedLsn));
    }
    return d;
  }

  private void ackSoon(Decision d) {
    ackDue = true;
    d.requestFlush();
  }

  @Override
  public NodeStatus status() {
    return new NodeStatus(name, NodeStatus.Role.FOLLOWER, term, log.lastLsn(), durableLsn,
        appliedLsn, database.digest(), database.size());
  }

  @Override
  public Database database() {
    return database;
  }

  /** The follower's database, for checks and tests. */
  public Database store() {
    return database;
  }

  /** Why this follower refuses the stream, or null if it accepts it. */
  public String refusal() {
    return refusal;
  }

  /** The in-memory tail of the log, for tests in this package: its bounds show the truncation. */
  ReplicationLog log() {
    return log;
  }
}
