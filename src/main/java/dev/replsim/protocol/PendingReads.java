package dev.replsim.protocol;

import dev.replsim.storage.Database;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads a follower holds because they ask for a newer state than it has applied (a session's
 * read-your-writes or monotonic-reads requirement, see {@link Read#after}). Holding a read never
 * blocks the follower: it goes on receiving, applying and acking, and each time its applied
 * position moves it {@link #release releases} the reads that position now meets. A read whose wait
 * is over is answered by {@link #expire}, on one {@link TimerKey#READ_TIMEOUT} timer armed at the
 * earliest deadline, with the state the follower has: short of what it asked for, which tells the
 * client to go to the leader instead.
 *
 * <p>Few reads wait at a time (the read rate times the wait), so they are kept in a plain list;
 * a follower with none waiting pays one {@code isEmpty} per release.
 */
final class PendingReads {

  private record Waiting(Read read, long arrivedAt, long deadline) {}

  private final List<Waiting> waiting = new ArrayList<>();
  private long timerAt = Long.MAX_VALUE;

  /**
   * Answers {@code read} from the state at LSN {@code appliedLsn} of term {@code term} if that
   * state meets it or it may not wait; otherwise holds it.
   */
  void admit(Read read, long term, long appliedLsn, Database database, long now, Decision d) {
    if (read.maxWaitMicros() == 0 || read.after().reachedBy(term, appliedLsn)) {
      answer(read, term, appliedLsn, database, 0, d);
      return;
    }
    long deadline = now + Math.min(read.maxWaitMicros(), Long.MAX_VALUE - now);
    waiting.add(new Waiting(read, now, deadline));
    arm(d);
  }

  /** The follower's state moved to {@code appliedLsn} of {@code term}: answers every read it now meets. */
  void release(long term, long appliedLsn, Database database, long now, Decision d) {
    if (waiting.isEmpty()) {
      return;
    }
    int before = waiting.size();
    waiting.removeIf(w -> {
      if (!w.read().after().reachedBy(term, appliedLsn)) {
        return false;
      }
      answer(w.read(), term, appliedLsn, database, now - w.arrivedAt(), d);
      return true;
    });
    if (waiting.size() != before) {
      arm(d);
    }
  }

  /** The read timer fired: answers every read whose wait is over with the state as it is. */
  void expire(long term, long appliedLsn, Database database, long now, Decision d) {
    timerAt = Long.MAX_VALUE;
    waiting.removeIf(w -> {
      if (w.deadline() > now) {
        return false;
      }
      answer(w.read(), term, appliedLsn, database, now - w.arrivedAt(), d);
      return true;
    });
    arm(d);
  }

  /** Reads held now. */
  int size() {
    return waiting.size();
  }

  private static void answer(Read read, long term, long appliedLsn, Database database, long waited, Decision d) {
    d.answer(new ReadOutcome(read.client(), read.requestId(), read.key(), database.value(read.key()), appliedLsn,
        term, waited));
  }

  /** Keeps the timer at the earliest deadline, or cancels it when no read waits. */
  private void arm(Decision d) {
    long earliest = Long.MAX_VALUE;
    for (Waiting w : waiting) {
      earliest = Math.min(earliest, w.deadline());
    }
    if (earliest == timerAt) {
      return;
    }
    timerAt = earliest;
    if (earliest == Long.MAX_VALUE) {
      d.cancelTimer(TimerKey.READ_TIMEOUT);
    } else {
      d.setTimer(TimerKey.READ_TIMEOUT, earliest);
    }
  }
}
