package dev.replsim.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * What the leader knows of each follower: the next LSN to ship to it and the received, durable
 * and applied positions of its latest ack. Positions only move forward; the next LSN moves back
 * when the follower asks for a resend, but never to or below the received position: the leader
 * drops entries every follower has received, so the next LSN must stay above it. A follower that
 * refused the stream is detached: nothing more is shipped to it, and the log no longer waits for it.
 * Each follower also has PostgreSQL's {@link LagTracker} for the lags its replies show.
 *
 * <p>A leader that took over (after an election or a restart) does not know where its followers'
 * logs part from its own: a follower is unmatched until its {@link Hello} says, and gets nothing
 * but heartbeats until then. The leader also notes when it last heard from each follower, for its
 * lease.
 */
final class FollowerProgress {

  private final List<String> names;
  private final long[] next;
  private final long[] received;
  private final long[] durable;
  private final long[] applied;
  private final long[] incarnation;
  private final boolean[] detached;
  private final boolean[] matched;
  private final long[] heardAt;
  private final LagTracker[] lag;

  /** @param matched whether every follower's log is known to agree with the leader's */
  FollowerProgress(List<String> names, boolean matched, long nextLsn) {
    this.names = names;
    int n = names.size();
    next = new long[n];
    Arrays.fill(next, nextLsn);
    received = new long[n];
    durable = new long[n];
    applied = new long[n];
    incarnation = new long[n];
    detached = new boolean[n];
    this.matched = new boolean[n];
    Arrays.fill(this.matched, matched);
    heardAt = new long[n];
    Arrays.fill(heardAt, Long.MIN_VALUE);
    lag = new LagTracker[n];
    for (int i = 0; i < n; i++) {
      lag[i] = new LagTracker();
    }
  }

  /** How a message's incarnation compares with what the leader knew of follower {@code i}. */
  enum Incarnation {
    /** From an incarnation before the one the leader knows: sent before a restart, ignore it. */
    STALE,
    CURRENT,
    /** The follower restarted: everything known of it was reset. */
    RESTARTED
  }

  /**
   * Checks a message's incarnation; a newer one than the leader knew resets the follower's
   * positions to nothing. The first one the leader hears of a follower is simply learnt: a leader
   * that starts (or restarts) knows nothing of its followers' histories.
   */
  Incarnation incarnation(int i, long messageIncarnation) {
    if (incarnation[i] == 0) {
      incarnation[i] = messageIncarnation;
      return Incarnation.CURRENT;
    }
    if (messageIncarnation < incarnation[i]) {
      return Incarnation.STALE;
    }
    if (messageIncarnation == incarnation[i]) {
      return Incarnation.CURRENT;
    }
    incarnation[i] = messageIncarnation;
    next[i] = 1;
    received[i] = 0;
    durable[i] = 0;
    applied[i] = 0;
    detached[i] = false; // a new incarnation may accept what the last refused
    matched[i] = false; // it starts empty, and says so
    lag[i] = new LagTracker();
    return Incarnation.RESTARTED;
  }

  /**
   * The follower's {@link Hello} showed where its log parts from the leader's. It holds (or, once
   * it has cut its log back, will hold) {@code received} entries, {@code applied} of them applied;
   * the leader ships from the entry after.
   */
  void match(int i, long received, long applied) {
    matched[i] = true;
    next[i] = received + 1;
    this.received[i] = received;
    durable[i] = received;
    this.applied[i] = applied;
    detached[i] = false;
    lag[i] = new LagTracker();
  }

  boolean isMatched(int i) {
    return matched[i];
  }

  /**
   * Follower {@code i} had the leader's heartbeat sent at {@code sentAt} (the leader's clock):
   * it has heard from the leader since then.
   */
  void heard(int i, long sentAt) {
    heardAt[i] = Math.max(heardAt[i], sentAt);
  }

  /**
   * Since when enough followers to make a majority with the leader have heard from it: the
   * {@code needed}-th latest heartbeat they echoed; {@code Long.MIN_VALUE} if never.
   */
  long majorityHeardAt(int needed) {
    if (needed <= 0) {
      return Long.MAX_VALUE;
    }
    long[] sorted = heardAt.clone();
    Arrays.sort(sorted);
    return needed > sorted.length ? Long.MIN_VALUE : sorted[sorted.length - needed];
  }

  String name(int i) {
    return names.get(i);
  }

  LagTracker lag(int i) {
    return lag[i];
  }

  /** The follower refused the stream: ship it nothing more. */
  void detach(int i) {
    detached[i] = true;
  }

  boolean isDetached(int i) {
    return detached[i];
  }

  /** Which followers are detached, by index; the array itself, to be read only. */
  boolean[] detached() {
    return detached;
  }

  int indexOf(String follower) {
    return names.indexOf(follower);
  }

  long nextLsn(int i) {
    return next[i];
  }

  void shipped(int i, long lastLsn) {
    next[i] = lastLsn + 1;
  }

  long receivedLsn(int i) {
    return received[i];
  }

  /** Ships again from the entry after the received position. */
  void rewind(int i) {
    next[i] = received[i] + 1;
  }

  void received(int i, long lsn) {
    received[i] = Math.max(received[i], lsn);
    // received beyond what we shipped (after a rewind) means those entries arrived after all
    next[i] = Math.max(next[i], received[i] + 1);
  }

  void acked(int i, Ack ack) {
    received(i, ack.receivedLsn());
    durable[i] = Math.max(durable[i], ack.durableLsn());
    applied[i] = Math.max(applied[i], ack.appliedLsn());
  }

  /** Entries shipped to follower {@code i} that it has not yet acked as received. */
  long inFlight(int i) {
    return next[i] - 1 - received[i];
  }

  boolean hasRoom(int i, long window) {
    return inFlight(i) < window;
  }

  /**
   * The lowest durable position among the followers still streaming; {@code ifNone} if none is.
   * A follower that crashes comes back with what it made durable, not with all it had received.
   */
  long minDurable(long ifNone) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < durable.length; i++) {
      if (!detached[i]) {
        min = Math.min(min, durable[i]);
      }
    }
    return min == Long.MAX_VALUE ? ifNone : min;
  }

  /**
   * Each follower's position at the given ack level, in follower order: the progress's own array,
   * read on every ack, so read it and never change it.
   */
  long[] positions(AckLevel level) {
    switch (level) {
      case RECEIVED:
        return received;
      case DURABLE:
        return durable;
      default:
        return applied;
    }
  }
}
