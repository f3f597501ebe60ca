package dev.replsim.protocol;

import dev.replsim.random.DurationSampler;
import dev.replsim.storage.Database;

/**
 * A replica's applier (PostgreSQL's startup process, MySQL's SQL thread): it applies durable
 * entries to the database one at a time and in LSN order, each taking a sampled apply time on the
 * node's own clock, and drops applied entries from the in-memory log. It reports where it is, for
 * MySQL's {@code Seconds_Behind_Source}.
 *
 * <p>It is a single server with a FIFO queue, emulated on the instants work was <em>due</em>: an
 * entry starts when the one before it was due to finish or when it became durable, whichever is
 * later, never when a timer happened to be handled. So a busy follower queues as queueing theory
 * says (an exponential apply time at 80% utilisation is an M/M/1 queue), however late the live
 * driver's timers are.
 */
final class Applier {

  private DurationSampler applyTime;
  private Database database;
  private long appliedLsn;
  /** How far the node's wall clock reads ahead of its monotonic one (a skew): applies and reports stamp with it. */
  private long wallOffsetMicros;
  /** The entry being applied under an {@link TimerKey#APPLY} timer; 0 when none is. */
  private long applyingLsn;
  /** The oldest received entry not yet applied when last reported; 0 for none. */
  private long reportedHead;
  /** When the last entry applied was due to finish: the applier is free from then on. */
  private long freeAt = Long.MIN_VALUE;
  private final QueueArrivals queue = new QueueArrivals();

  Applier(DurationSampler applyTime, Database database, long appliedLsn) {
    this.applyTime = applyTime;
    this.database = database;
    this.appliedLsn = appliedLsn;
  }

  void setApplyTime(DurationSampler applyTime) {
    this.applyTime = applyTime;
  }

  Database database() {
    return database;
  }

  /** The node's wall clock reads {@code offsetMicros} ahead of its monotonic clock from now on. */
  void wallClockOffset(long offsetMicros) {
    wallOffsetMicros = offsetMicros;
  }

  long appliedLsn() {
    return appliedLsn;
  }

  /** Stops an apply in progress; the entry stays unapplied. */
  void stop(Decision d) {
    if (applyingLsn != 0) {
      applyingLsn = 0;
      d.cancelTimer(TimerKey.APPLY);
    }
  }

  /** Continues from another database, as if everything up to {@code lsn} had been applied to it. */
  void reset(Database newDatabase, long lsn, Decision d) {
    stop(d);
    queue.clear();
    freeAt = Long.MIN_VALUE;
    database = newDatabase;
    appliedLsn = lsn;
  }

  /**
   * Entries up to {@code durableLsn} are durable, the new ones since {@code now}: applies them in
   * order, unless an entry is being applied already.
   */
  void applyAvailable(ReplicationLog log, long durableLsn, long now, Decision d) {
    queue.joined(durableLsn, now);
    if (applyingLsn == 0) {
      applyDue(log, durableLsn, now, appliedLsn + 1, 0, d);
    }
  }

  /**
   * Finishes the entry whose apply timer, due at {@code due}, fired at {@code now}, and goes on
   * with the next ones from {@code due}: the applier was busy until then, not until the timer was
   * handled, so a late timer does not lengthen the next entry's apply.
   *
   * @return whether an entry was applied (a stale timer applies nothing)
   */
  boolean finishApplying(ReplicationLog log, long durableLsn, long due, long now, Decision d) {
    if (applyingLsn == 0) {
      return false;
    }
    Entry e = log.get(applyingLsn);
    database.apply(e.change(), now + wallOffsetMicros);
    appliedLsn = applyingLsn;
    applyingLsn = 0;
    freeAt = due;
    applyDue(log, durableLsn, now, e.lsn(), e.sizeBytes(), d);
    return true;
  }

  /**
   * Applies, in order, every durable entry whose apply would have finished by {@code now}: each
   * starts when the one before it was due to finish or when it joined the queue, whichever is
   * later, and takes a sampled time. The first one to finish later gets a timer for that instant.
   * What was applied (from {@code from}, with {@code bytes} already counted) is observed at
   * {@code now}, when it really happened.
   */
  private void applyDue(ReplicationLog log, long durableLsn, long now, long from, long bytes, Decision d) {
    while (appliedLsn < durableLsn) {
      Entry e = log.get(appliedLsn + 1);
      long done = Math.max(freeAt, queue.joinedAt(e.lsn())) + applyTime.nextMicros();
      if (done > now) {
        applyingLsn = e.lsn();
        d.setTimer(TimerKey.APPLY, done);
        break;
      }
      database.apply(e.change(), now + wallOffsetMicros);
      appliedLsn = e.lsn();
      freeAt = done;
      bytes += e.sizeBytes();
    }
    if (appliedLsn >= from) {
      d.observe(new Observation.Applied(from, appliedLsn, bytes));
    }
    report(log, now, d);
    log.truncatePrefix(appliedLsn);
  }

  /** Entries after {@code lsn} were cut from the log: an apply of one of them stops. */
  void cutAfter(long lsn, Decision d) {
    if (applyingLsn > lsn) {
      stop(d);
    }
    queue.cutAfter(lsn);
  }

  /**
   * Applies every entry up to {@code upToLsn} at once, for a replica about to lead: a leader's
   * database holds all of its log.
   */
  void applyAllNow(ReplicationLog log, long upToLsn, long now, Decision d) {
    stop(d);
    long from = appliedLsn + 1;
    long bytes = 0;
    while (appliedLsn < upToLsn) {
      Entry e = log.get(appliedLsn + 1);
      database.apply(e.change(), now + wallOffsetMicros);
      appliedLsn = e.lsn();
      bytes += e.sizeBytes();
    }
    if (appliedLsn >= from) {
      d.observe(new Observation.Applied(from, appliedLsn, bytes));
    }
    report(log, now, d);
  }

  /**
   * Reports the source timestamp of the oldest entry received and not yet applied, when that entry
   * changes: what MySQL's {@code Seconds_Behind_Source} is computed from, with this node's clock.
   */
  void report(ReplicationLog log, long now, Decision d) {
    long head = appliedLsn < log.lastLsn() ? appliedLsn + 1 : 0;
    if (head != reportedHead) {
      reportedHead = head;
      long source = head == 0 ? Observation.ApplierState.IDLE : log.get(head).appendedAtMicros();
      d.observe(new Observation.ApplierState(now + wallOffsetMicros, source));
    }
  }
}
