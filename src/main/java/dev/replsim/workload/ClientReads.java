package dev.replsim.workload;

import dev.replsim.check.Operation.Outcome;
import dev.replsim.clock.Clock;
import dev.replsim.metrics.ClientHistory;
import dev.replsim.metrics.ReadCounts;
import dev.replsim.node.ClientReplies;
import dev.replsim.protocol.LogPosition;
import dev.replsim.protocol.Read;
import java.util.HashMap;
import java.util.Iterator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The reading half of a {@link Client}, run on the client's thread: it sends each read straight to
 * the node its {@link ReadRouter} picks, with the position its {@link Session} needs; when a
 * follower answers with an older state (it did not apply the position within the session
 * timeout) it sends the read on to the leader. It counts every read and records each in the
 * client's history, if there is one, when it ends.
 */
final class ClientReads {

  /** A read on its way: which node has it, and what happened to it so far. */
  private static final class Pending {
    final String key;
    final long invokeMicros;
    final boolean probe;
    final LogPosition after;
    String node;
    long heldMicros;
    boolean redirected;
    boolean refusedOnce;
    /** Whether it went as a read for the leader: only a leader may have answered it. */
    boolean forLeader;

    Pending(String key, long invokeMicros, boolean probe, LogPosition after) {
      this.key = key;
      this.invokeMicros = invokeMicros;
      this.probe = probe;
      this.after = after;
    }
  }

  private final ReadRouter router;
  private final Session session;
  private final long sessionTimeoutMicros;
  private final Clock clock;
  private final ReadCounts counts;
  private final ClientHistory history;
  private final ClientReplies.Recipient replies;
  private final NodeAccess access;
  /** The nodes the client believes run. */
  private final Set<String> running;
  private final Map<Long, Pending> pending = new HashMap<>();
  private long nextRequestId = 1;

  /**
   * @param running the nodes running when the client starts
   * @param history where ended reads are recorded, or null to record nothing
   */
  ClientReads(ReadRouter router, Session session, long sessionTimeoutMicros, Clock clock, ReadCounts counts,
      ClientHistory history, ClientReplies.Recipient replies, NodeAccess access, Set<String> running) {
    this.router = router;
    this.session = session;
    this.sessionTimeoutMicros = sessionTimeoutMicros;
    this.clock = clock;
    this.counts = counts;
    this.history = history;
    this.replies = replies;
    this.access = access;
    this.running = new HashSet<>(running);
  }

  /** Reads {@code key} now; a probe is a read-after-write probe. */
  void read(String key, boolean probe) {
    counts.issued();
    long now = clock.nowMicros();
    Pending p = new Pending(key, now, probe, session.requirement());
    String node = router.pick();
    if (node == null) {
      end(p, Outcome.FAILED, now); // no node that may serve it runs: refused at once
      return;
    }
    long id = nextRequestId++;
    pending.put(id, p);
    send(id, p, node);
  }

  private void send(long id, Pending p, String node) {
    send(id, p, node, node.equals(router.leader()));
  }

  /** Sends the read to {@code node}; {@code forLeader}: only a leader may answer it. */
  private void send(long id, Pending p, String node, boolean forLeader) {
    p.node = node;
    p.forLeader = forLeader;
    if (!running.contains(node)) {
      pending.remove(id);
      end(p, Outcome.FAILED, clock.nowMicros());
      return;
    }
    boolean hold = session.waits() && !forLeader;
    access.read(node, new Read(replies, id, p.key, p.after, hold ? sessionTimeoutMicros : 0, forLeader));
  }

  /**
   * A node refused a read meant for the leader: it does not lead (any more). The read goes once to
   * the node it named, and fails if that one refuses too, or it named none.
   */
  private void refused(long id, Pending p, String leader) {
    if (!p.refusedOnce && !leader.isEmpty() && !leader.equals(p.node)) {
      p.refusedOnce = true;
      send(id, p, leader, true);
      return;
    }
    pending.remove(id);
    end(p, Outcome.FAILED, clock.nowMicros());
  }

  /** A node answered: the read ends, or goes on to the leader if a follower could not meet its session. */
  void answered(ClientReplies.ReadResult r) {
    Pending p = pending.get(r.requestId());
    if (p == null) {
      return; // it ended already: timed out, or its node was declared down
    }
    if (r.redirect() != null) {
      refused(r.requestId(), p, r.redirect());
      return;
    }
    p.heldMicros += r.waitedMicros();
    // what was sent to a follower is judged as a follower's answer, even if the client has since
    // come to believe that node leads: a deposed leader it still takes for the leader is one
    if (!p.after.reachedBy(r.term(), r.lsn()) && !p.forLeader) {
      p.redirected = true;
      send(r.requestId(), p, router.leader(), true);
      return;
    }
    pending.remove(r.requestId());
    session.read(new LogPosition(r.term(), r.lsn()));
    counts.answered(p.node, p.probe, p.heldMicros, p.redirected);
    if (history != null) {
      history.read(p.key, r.value(), p.invokeMicros, clock.nowMicros(), Outcome.OK, p.node, r.term(), r.lsn());
    }
  }

  /** The client's write was acknowledged at this position. */
  void wrote(LogPosition position) {
    session.wrote(position);
  }

  /** Another node leads now: reads for the leader, and reads a session sends on, go there. */
  void leaderIs(String node) {
    router.leaderIs(node);
  }

  /** The node crashed: reads waiting for it end unanswered, and no read goes there until it is back. */
  void nodeDown(String node) {
    running.remove(node);
    router.down(node);
    endWhere(p -> node.equals(p.node));
  }

  void nodeUp(String node) {
    running.add(node);
    router.up(node);
  }

  /** Reads sent before {@code cutoffMicros} and still unanswered end unanswered. */
  void expireSentBefore(long cutoffMicros) {
    endWhere(p -> p.invokeMicros < cutoffMicros);
  }

  /** The run is over: every read still out ends unanswered. */
  void finish() {
    endWhere(p -> true);
  }

  int outstanding() {
    return pending.size();
  }

  private void endWhere(java.util.function.Predicate<Pending> which) {
    long now = clock.nowMicros();
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (which.test(p)) {
        it.remove();
        end(p, Outcome.UNKNOWN, now);
      }
    }
  }

  /** A read that got no answer: failed, and recorded with what is known. */
  private void end(Pending p, Outcome outcome, long now) {
    counts.failed(1);
    if (history != null) {
      history.read(p.key, null, p.invokeMicros, now, outcome, p.node, 0, 0);
    }
  }
}
