package dev.replsim.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who leads, and every change of leader as it happened: the fault that took the old leader out
 * (if any did), when a follower first suspected it, when the new one won, and when writes were
 * acknowledged again. It also watches for split brain: nodes acting as leader at once, and writes
 * acknowledged by a leader after a newer one was elected. Events arrive from every node's thread;
 * they are rare, so its methods synchronize, except the per-write {@link #acked}, which is cheap
 * unless a failover waits for its first write.
 */
final class FailoverLog {

  /** One failover while it is measured; its lost writes are counted at the end of the run. */
  static final class Change {
    final String oldLeader;
    final String newLeader;
    final long term;
    final long previousTerm;
    final long atMicros;
    final String cause;
    final long faultAtMicros;
    final long suspectedAtMicros;
    final long lastAckBeforeMicros;
    volatile long firstAckAfterMicros = -1;

    Change(String oldLeader, String newLeader, long term, long previousTerm, long atMicros, String cause,
        long faultAtMicros, long suspectedAtMicros, long lastAckBeforeMicros) {
      this.oldLeader = oldLeader;
      this.newLeader = newLeader;
      this.term = term;
      this.previousTerm = previousTerm;
      this.atMicros = atMicros;
      this.cause = cause;
      this.faultAtMicros = faultAtMicros;
      this.suspectedAtMicros = suspectedAtMicros;
      this.lastAckBeforeMicros = lastAckBeforeMicros;
    }

    /**
     * The old leader could have gone on leading: no fault crashed, paused or cut it off (none
     * struck it, or only a slower link, a slower apply or a skewed clock), so the followers
     * suspected a live leader.
     */
    boolean needless() {
      return !DISABLING.contains(cause);
    }
  }

  private final List<Change> changes = new ArrayList<>();
  private final Set<String> leaders = new HashSet<>();
  /** Faults after which a failover is needed: the leader is down, frozen or unreachable. */
  private static final java.util.Set<String> DISABLING = java.util.Set.of("crash", "pause", "partition", "switchover");

  private volatile String leader;
  private volatile long term = 1;
  private volatile long lastAckAt = -1;
  private volatile Change awaitingFirstAck;
  private long conflictingWrites;
  // since the current leader took over: what struck it, and when someone first suspected it
  private String faultCause;
  private long faultAt = -1;
  private long lastAckBeforeFault = -1;
  private long suspectedAt = -1;
  private int maxLeaders = 1;
  private long multipleSince = -1;
  private long multipleMicros;

  FailoverLog(String initialLeader) {
    this.leader = initialLeader;
    leaders.add(initialLeader);
  }

  String leader() {
    return leader;
  }

  long term() {
    return term;
  }

  /** A fault struck these nodes; it matters if the leader is one of them (the first such since it took over). */
  synchronized void fault(String action, Collection<String> nodes, long at) {
    if (nodes.contains(leader) && faultAt < 0) {
      faultCause = action;
      faultAt = at;
      lastAckBeforeFault = lastAckAt;
    }
  }

  /** A follower suspects the leader. */
  synchronized void suspected(long at) {
    if (suspectedAt < 0) {
      suspectedAt = at;
    }
  }

  /** The leader started a planned switchover. */
  synchronized void switchoverStarted(long at) {
    fault("switchover", List.of(leader), at);
  }

  /** {@code node} won the election of {@code newTerm}. */
  synchronized Change becameLeader(String node, long newTerm, long at) {
    String cause = faultAt >= 0 ? faultCause : "none";
    long before = faultAt >= 0 ? lastAckBeforeFault : lastAckAt;
    long suspected = suspectedAt >= 0 ? suspectedAt : (faultAt >= 0 ? faultAt : at);
    Change c = new Change(leader, node, newTerm, term, at, cause, faultAt, suspected, before);
    changes.add(c);
    leader = node;
    term = newTerm;
    faultAt = -1;
    suspectedAt = -1;
    awaitingFirstAck = c;
    leaders.add(node);
    countLeaders(at);
    return c;
  }

  /** A leader of a restarted cluster without failover: the same node, a new term. */
  synchronized void restartedLeader(long newTerm, long at) {
    term = newTerm;
    leaders.add(leader);
    countLeaders(at);
  }

  /** {@code node} no longer acts as leader: it stepped down or went down. */
  synchronized void leaderGone(String node, long at) {
    if (leaders.remove(node)) {
      countLeaders(at);
    }
  }

  private void countLeaders(long at) {
    maxLeaders = Math.max(maxLeaders, leaders.size());
    if (leaders.size() > 1 && multipleSince < 0) {
      multipleSince = at;
    } else if (leaders.size() <= 1 && multipleSince >= 0) {
      multipleMicros += at - multipleSince;
      multipleSince = -1;
    }
  }

  /** A client heard its write acknowledged by the leader of {@code writeTerm} at {@code at}. */
  void acked(long writeTerm, long at) {
    lastAckAt = at;
    if (writeTerm < term) {
      synchronized (this) {
        conflictingWrites++;
      }
    }
    Change c = awaitingFirstAck;
    if (c != null && writeTerm >= c.term) {
      c.firstAckAfterMicros = at;
      awaitingFirstAck = null;
    }
  }

  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  synchronized long conflictingWrites() {
    return conflictingWrites;
  }

  synchronized int maxLeaders() {
    return maxLeaders;
  }

  /** How long more than one node acted as leader, up to {@code now}. */
  synchronized long multipleLeadersMicros(long now) {
    return multipleMicros + (multipleSince >= 0 ? now - multipleSince : 0);
  }
}
