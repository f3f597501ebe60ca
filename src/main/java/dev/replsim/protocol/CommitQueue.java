package dev.replsim.protocol;

import dev.replsim.storage.Database;
import dev.replsim.storage.Row;
import java.util.ArrayDeque;

/**
 * The writes a leader has appended but not yet answered, in LSN order, and the commit rule that
 * answers them: each waits until it is durable on the leader and its followers' acks meet the
 * rule, or, under semi-sync, until its wait times out and it commits as async. It also knows what
 * other clients may see of the pending writes (see {@link WaitPoint}).
 *
 * <p>The rule may change while writes wait (a {@code commit} fault, see {@link #reconfigure}):
 * every waiting write is then judged by the new rule alone, at once and at each ack or timer
 * after, as PostgreSQL releases its waiting backends when {@code synchronous_standby_names} is
 * emptied.
 */
final class CommitQueue {

  private CommitPolicy commit;
  private CommitQuorum quorum;
  private final int followers;
  private final ArrayDeque<PendingWrite> pending = new ArrayDeque<>();
  /** The last LSN answered: under {@link WaitPoint#AFTER_SYNC}, what other clients may see. */
  private long releasedLsn;
  private long timerAt = Long.MAX_VALUE;

  /** @param releasedLsn what clients may already see: a new leader's whole log */
  CommitQueue(CommitPolicy commit, CommitQuorum quorum, int followers, long releasedLsn) {
    this.commit = commit;
    this.quorum = quorum;
    this.followers = followers;
    this.releasedLsn = releasedLsn;
  }

  /** Queues a write appended at {@code lsn}; its semi-sync wait starts now. */
  PendingWrite add(Write write, long lsn, long now, Decision d) {
    long deadline = commit.hasTimeout() ? now + commit.timeoutMicros() : Long.MAX_VALUE;
    PendingWrite p = new PendingWrite(write, lsn, now, deadline);
    pending.add(p);
    armTimer(d);
    return p;
  }

  /**
   * The commit rule changes now: from here on every pending write waits under {@code commit}
   * alone. A semi-sync timeout counts from each write's append, so a write that has already
   * waited longer than the new timeout commits as a fallback at the next release; a rule
   * without a timeout (async, sync) takes back the fallbacks its predecessor had granted but not
   * yet carried out. The caller releases what the new rule allows.
   */
  void reconfigure(CommitPolicy commit, CommitQuorum quorum, long now, Decision d) {
    this.commit = commit;
    this.quorum = quorum;
    for (PendingWrite p : pending) {
      p.deadline = commit.hasTimeout() ? p.appendedAt + commit.timeoutMicros() : Long.MAX_VALUE;
      p.timedOut = p.deadline <= now;
    }
    if (timerAt != Long.MAX_VALUE) {
      timerAt = Long.MAX_VALUE;
      d.cancelTimer(TimerKey.COMMIT_TIMEOUT);
    }
    armTimer(d);
  }

  /** The commit timer fired: every write past its deadline may now commit as async. */
  void timedOut(long now, Decision d) {
    timerAt = Long.MAX_VALUE;
    for (PendingWrite p : pending) {
      if (p.deadline > now) {
        break;
      }
      p.timedOut = true;
    }
  }

  /** Answers, in LSN order, every pending write that the commit rule (or its timeout) now allows. */
  void release(long durableLsn, FollowerProgress progress, long term, Decision d) {
    if (pending.isEmpty()) {
      return; // nothing waits (under async, never): no quorum to find, and no timer armed
    }
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
        d.observe(new Observation.Fallback(p.lsn, quorum.acked(p.lsn, positions), quorum.needed(followers)));
      }
      Write w = p.write;
      d.reply(new WriteOutcome(w.client(), w.requestId(), p.lsn, term, fallback));
    }
    armTimer(d);
  }

  /**
   * Keeps one commit timer armed no later than the oldest pending deadline. Deadlines grow with
   * LSN, so the head of the queue has the earliest one; a timer that fires early just re-arms.
   */
  private void armTimer(Decision d) {
    for (PendingWrite p : pending) {
      if (p.timedOut) {
        continue;
      }
      if (p.deadline != Long.MAX_VALUE && p.deadline < timerAt) {
        timerAt = p.deadline;
        d.setTimer(TimerKey.COMMIT_TIMEOUT, timerAt);
      }
      return;
    }
  }

  /**
   * The row other clients see for {@code key}: the database's, unless a write they may not see
   * yet changed it, in which case the row before that write.
   */
  Row visibleRow(Database database, String key, long visibleLsn) {
    for (PendingWrite p : pending) {
      if (p.lsn > visibleLsn && p.touches(key)) {
        return p.before(key);
      }
    }
    return database.get(key);
  }

  /** The leader steps down: every pending write is answered with where to go instead. */
  void redirectAll(String leader, Decision d) {
    for (PendingWrite p : pending) {
      d.redirect(new Redirect(p.write.client(), p.write.requestId(), leader, true));
    }
    pending.clear();
    if (timerAt != Long.MAX_VALUE) {
      timerAt = Long.MAX_VALUE;
      d.cancelTimer(TimerKey.COMMIT_TIMEOUT);
    }
  }

  long releasedLsn() {
    return releasedLsn;
  }

  int size() {
    return pending.size();
  }
}
