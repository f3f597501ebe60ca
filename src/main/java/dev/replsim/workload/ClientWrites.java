package dev.replsim.workload;

import dev.replsim.check.Operation.Outcome;
import dev.replsim.clock.Clock;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.protocol.Write;
import dev.replsim.storage.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A client's writes, from sending each to its end: committed, failed, or unknown (given up on
 * after it may have reached the leader). A write a node redirects goes to the leader the node
 * names, or, while none is known, again after a back-off; the write timeout bounds the retries.
 * In a closed loop every write that ends is replaced by a new one. Counts each in the recorder
 * and records each SET in the client's history, when the run keeps one.
 */
final class ClientWrites {

  /** Told when a redirected write is to be sent again. */
  @FunctionalInterface
  interface ResendTimer {
    void resendAt(long atMicros, long requestId);
  }

  private final ClientPlan plan;
  private final Clock clock;
  private final Recorder recorder;
  private final ClientReplies.Recipient replies;
  private final NodeAccess access;
  private final LeaderFinder finder;
  private final ResendTimer timer;
  private final IssuedWrites issued = new IssuedWrites();
  /** Redirected writes waiting to be sent again, by request id: how often each was. */
  private final Map<Long, Integer> resends = new HashMap<>();
  private long nextRequestId = 1;
  private boolean halted;
  /** Stopped mid-run by a clients fault: no new writes until started again. */
  private boolean stopped;

  ClientWrites(ClientPlan plan, Clock clock, Recorder recorder, ClientReplies.Recipient replies, NodeAccess access,
      LeaderFinder finder, ResendTimer timer) {
    this.plan = plan;
    this.clock = clock;
    this.recorder = recorder;
    this.replies = replies;
    this.access = access;
    this.finder = finder;
    this.timer = timer;
  }

  /** Sends a new write to the leader; with no leader to take it, it fails at once. */
  void write() {
    long id = nextRequestId++;
    String value = plan.name() + "-" + id;
    Statement statement = plan.statements().next(plan.keys().next(), value, plan.valueBytes());
    recorder.writeIssued();
    String leader = finder.leader();
    if (leader == null) {
      recorder.writesFailed(1);
      long now = clock.nowMicros();
      record(statement, now, now, Outcome.FAILED, 0, 0); // refused at once: never sent
      return;
    }
    issued.add(id, clock.nowMicros(), statement);
    access.write(leader, new Write(replies, id, statement));
  }

  /** In a closed loop, keeps the set number of writes outstanding: starts them all, or refills after a loss. */
  void fill() {
    for (int i = issued.size(); plan.closedLoop() && issuing() && finder.leader() != null
        && i < plan.maxOutstanding(); i++) {
      write();
    }
  }

  /** A write committed: returns its statement, or null if it had already ended. */
  Statement committed(ClientReplies.WriteCommitted reply) {
    long at = issued.remove(reply.requestId());
    resends.remove(reply.requestId());
    if (at < 0) {
      return null;
    }
    long now = clock.nowMicros();
    recorder.writeCommitted(now - at, reply.term(), reply.lsn(), now);
    Statement statement = issued.removedStatement();
    record(statement, at, now, Outcome.OK, reply.term(), reply.lsn());
    next();
    return statement;
  }

  /**
   * A node would not take a write. If it had appended it before it stepped down, the write may yet
   * commit or be lost: its outcome is unknown, and it is not sent again (that could apply it
   * twice). Otherwise it goes at once to the leader the node named, the first time; after a
   * back-off when no leader is known, or when the write was redirected before (while roles
   * change, two nodes may each name the other).
   */
  void redirected(ClientReplies.WriteRedirected r) {
    boolean wait = finder.redirected(r.node(), r.leader());
    if (issued.statement(r.requestId()) == null) {
      return; // answered, or given up on, already
    }
    if (r.appended()) {
      long at = issued.remove(r.requestId());
      resends.remove(r.requestId());
      record(issued.removedStatement(), at, clock.nowMicros(), Outcome.UNKNOWN, 0, 0);
      recorder.writesFailed(1);
      next();
      return;
    }
    int attempt = resends.merge(r.requestId(), 1, Integer::sum);
    if (wait || attempt > 1) { // redirected again: two nodes may each name the other while roles change
      timer.resendAt(clock.nowMicros() + backOffMicros(attempt), r.requestId());
    } else {
      resend(r.requestId());
    }
  }

  /** 10 ms, doubling with each attempt, at most 80 ms, so a client finds a new leader soon after it won. */
  static long backOffMicros(int attempt) {
    return 10_000L << Math.min(attempt - 1, 3);
  }

  /** Sends a redirected write again, to whichever node leads by then, if it is still waiting. */
  void resend(long requestId) {
    Statement statement = issued.statement(requestId);
    String leader = finder.leader();
    if (statement == null) {
      resends.remove(requestId);
    } else if (leader != null) {
      access.write(leader, new Write(replies, requestId, statement));
    } // else: no node can take it now; the write timeout ends it
  }

  /** Gives up on the writes sent before {@code cutoffMicros} (all: {@code Long.MAX_VALUE}); they may have taken effect. */
  void giveUp(long cutoffMicros) {
    long now = clock.nowMicros();
    int expired = issued.expireSentBefore(cutoffMicros,
        (sentAt, statement) -> record(statement, sentAt, now, Outcome.UNKNOWN, 0, 0));
    if (expired > 0) {
      recorder.writesFailed(expired);
      if (cutoffMicros == Long.MAX_VALUE) {
        resends.clear();
      }
      fill();
    }
  }

  /** No more new writes; answers to outstanding ones still count. */
  void halt() {
    halted = true;
  }

  /** No new writes until {@link #start}: the clients were stopped mid-run. */
  void stop() {
    stopped = true;
  }

  /** New writes again after a {@link #stop}; a closed loop fills up at once. */
  void start() {
    stopped = false;
    fill();
  }

  /** Whether the client issues new operations: neither halted at the run's end nor stopped. */
  boolean issuing() {
    return !halted && !stopped;
  }

  private void next() {
    if (plan.closedLoop() && issuing() && finder.leader() != null) {
      write();
    }
  }

  /** Records a write that ended, when the run keeps a history (of SETs: the checkers' registers). */
  private void record(Statement statement, long sentAt, long endedAt, Outcome outcome, long term, long lsn) {
    if (plan.history() != null && statement instanceof Statement.Assign) {
      Statement.Assign set = (Statement.Assign) statement;
      plan.history().write(set.key(), set.value(), sentAt, endedAt, outcome,
          finder.leader() != null ? finder.leader() : plan.leader(), term, lsn);
    }
  }
}
