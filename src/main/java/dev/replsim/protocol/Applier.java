package dev.replsim.protocol;

import dev.replsim.random.DurationSampler;
import dev.replsim.storage.Database;

/**
 * A replica's applier (PostgreSQL's startup process, MySQL's SQL thread): it applies durable
 * entries to the database one at a time and in LSN order, each taking a sampled apply time on the
 * node's own clock, and drops applied entries from the in-memory log. It reports where it is, for
 * MySQL's {@code Seconds_Behind_Source}.
 */
final class Applier {

  private DurationSampler applyTime;
  private Database database;
  private long appliedLsn;
  /** The entry being applied under an {@link TimerKey#APPLY} timer; 0 when none is. */
  private long applyingLsn;
  /** The oldest received entry not yet applied when last reported; 0 for none. */
  private long reportedHead;

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
    database = newDatabase;
    appliedLsn = lsn;
  }

  /** Applies durable entries in order, until one needs time to apply; that one gets a timer. */
  void applyAvailable(ReplicationLog log, long durableLsn, long now, Decision d) {
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
    report(log, now, d);
    log.truncatePrefix(appliedLsn);
  }

  /**
   * Finishes the entry whose apply timer fired and goes on with the next ones.
   *
   * @return whether an entry was applied (a stale timer applies nothing)
   */
  boolean finishApplying(ReplicationLog log, long durableLsn, long now, Decision d) {
    if (applyingLsn == 0) {
      return false;
    }
    Entry e = log.get(applyingLsn);
    database.apply(e.change(), now);
    appliedLsn = applyingLsn;
    applyingLsn = 0;
    d.observe(new Observation.Applied(e.lsn(), e.lsn(), e.sizeBytes()));
    applyAvailable(log, durableLsn, now, d);
    return true;
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
      database.apply(e.change(), now);
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
      d.observe(new Observation.ApplierState(now, source));
    }
  }
}
