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
 * refusing it, and reports where its applier is, for MySQL's {@code Seconds_Behind_Source}.
 *
 * <p>Before it follows a leader it has not followed yet (a new one after an election, or one that
 * restarted), it says where its log ends ({@link Hello}) and waits for the leader's
 * {@link LogMatch}: entries after the match are discarded, and a follower that already applied
 * some of them starts over empty, to be set up again from a snapshot.
 */
public final class Follower implements ProtocolNode {

  private final String name;
  private final long incarnation;
  private final long resendBackoffMicros;
  private final boolean fencing;
  private final Applier applier;
  private long term;
  private String leader;
  /** Whether this follower's log is known to agree with {@link #leader}'s, so it may take entries. */
  private boolean matched;
  private ReplicationLog log;
  private TermHistory history;
  private long durableLsn;
  private boolean ackDue;
  /** Why this follower refused the stream, or null while it accepts it. */
  private String refusal;
  /** Where its leader's log ended when they matched: caught up once this log reaches it. */
  private long catchUpTo;
  /** The send time of the latest heartbeat from its leader, echoed in its acks. */
  private long echo = Long.MIN_VALUE;
  /** Asks once per gap, and again only after a back-off that starts at the heartbeat interval. */
  private ResendThrottle resend;
  /** Reads held until this follower has applied the state their session asks for. */
  private final PendingReads reads = new PendingReads();

  /** A follower applying row images to a fresh database, in its first incarnation. */
  public Follower(String name, String leader, long term, ProtocolSettings settings, DurationSampler applyTime) {
    this(name, leader, term, 1, settings, applyTime, new KeyValueStore());
  }

  /**
   * A follower starting empty. In its first incarnation it follows {@code leader} at once (every
   * node of a new cluster starts empty, so their logs agree); a restarted one says hello first.
   *
   * @param term the term of the leader it follows when it starts
   * @param incarnation how many times this node has started
   * @param applyTime how long applying one entry takes, drawn from this node's own stream
   * @param database the follower's database, of the kind its replication method needs
   */
  public Follower(String name, String leader, long term, long incarnation, ProtocolSettings settings,
      DurationSampler applyTime, Database database) {
    this(name, leader, term, incarnation, incarnation == 1, settings, applyTime,
        new HandOver(new ReplicationLog(), database, new TermHistory(), 0, 0));
  }

  /** A follower taking over a node's state after a role change: it says hello to whoever leads. */
  Follower(String name, String leader, long term, long incarnation, boolean matched, ProtocolSettings settings,
      DurationSampler applyTime, HandOver state) {
    this.name = name;
    this.leader = leader;
    this.term = term;
    this.incarnation = incarnation;
    this.matched = matched;
    this.fencing = settings.election().fencing();
    this.resendBackoffMicros = settings.heartbeatIntervalMicros();
    this.resend = new ResendThrottle(resendBackoffMicros);
    this.log = state.log();
    this.history = state.history();
    this.durableLsn = state.durableLsn();
    this.applier = new Applier(applyTime, state.database(), state.appliedLsn());
  }

  /** Changes how long applying an entry takes from the next entry on (a {@code slow} fault). */
  public void setApplyTime(DurationSampler applyTime) {
    applier.setApplyTime(applyTime);
  }

  /** A newer term began: whoever leads it has still to be heard from. */
  void enterTerm(long newTerm) {
    term = newTerm;
    leader = null;
    matched = false;
    echo = Long.MIN_VALUE;
  }

  /**
   * Gives up the node's state to lead: a leader's database holds its whole log, so every entry
   * not yet applied is applied now, durable or not.
   */
  HandOver promote(long now, Decision d) {
    applier.applyAllNow(log, log.lastLsn(), now, d);
    return handOver(d);
  }

  /** Gives up the node's state for another role; stops any apply in progress. */
  HandOver handOver(Decision d) {
    applier.stop(d);
    return new HandOver(log, applier.database(), history, durableLsn, applier.appliedLsn());
  }

  /** The leader this follower follows or last heard from, or null. */
  String leader() {
    return leader;
  }

  long term() {
    return term;
  }

  long lastLsn() {
    return log.lastLsn();
  }

  /** Whether it follows a leader and holds what that leader held when they matched. */
  boolean caughtUp() {
    return leader != null && matched && log.lastLsn() >= catchUpTo;
  }

  /** The term of the last entry in the log, for Raft's up-to-date rule. */
  long lastTerm() {
    return history.termAt(log.lastLsn(), log.lastLsn());
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
    if (read.leaderOnly()) {
      d.answer(read.refused(leader));
      return d;
    }
    reads.admit(read, appliedTerm(), applier.appliedLsn(), applier.database(), now, d);
    return d;
  }

  /** Whether a message is one a leader sends its followers (others were meant for a leader). */
  static boolean fromALeader(Message message) {
    return message instanceof AppendEntries || message instanceof Heartbeat || message instanceof Snapshot
        || message instanceof LogMatch;
  }

  @Override
  public Decision onMessage(Message message, long now) {
    Decision d = new Decision();
    if (!fromALeader(message) || (fencing && message.term() < term)) {
      return d; // meant for a leader (this node led once), or from a leader of an older term: stale
    }
    if (message.term() > term) {
      enterTerm(message.term());
    }
    if (message instanceof LogMatch) {
      onLogMatch((LogMatch) message, now, d);
      return d;
    }
    boolean newLeader = false;
    if (!fencing) {
      leader = message.from(); // without fencing it follows whoever ships to it
      matched = true;
    } else if (!message.from().equals(leader)) {
      leader = message.from();
      matched = false;
      echo = Long.MIN_VALUE;
      newLeader = true;
    }
    if (message instanceof Heartbeat) {
      echo = Math.max(echo, ((Heartbeat) message).sentAt());
    }
    if (!matched) {
      if (newLeader || message instanceof Heartbeat) {
        sayHello(d); // to a new leader, and again on its heartbeats: the hello or its answer may be lost
      }
      return d;
    }
    if (message instanceof AppendEntries) {
      onAppendEntries((AppendEntries) message, now, d);
    } else if (message instanceof Heartbeat && refusal == null) {
      if (((Heartbeat) message).lastShippedLsn() > log.lastLsn()) {
        // on a FIFO link everything shipped before the heartbeat has arrived: the rest was lost
        requestResend(now, d);
      }
      ackSoon(d);
    } else if (message instanceof Snapshot) {
      install((Snapshot) message, d);
    }
    releaseReads(now, d); // a snapshot or a newer term moves the state
    return d;
  }

  /** Whether it knows its leader but not yet where their logs agree. */
  boolean awaitingMatch() {
    return leader != null && !matched;
  }

  /** Says hello to its leader unprompted: a follower added to a running cluster speaks first. */
  void hello(Decision d) {
    if (leader != null && !matched) {
      sayHello(d);
    }
  }

  private void sayHello(Decision d) {
    d.send(leader, new Hello(term, name, incarnation, log.lastLsn(), applier.appliedLsn(), history.export()));
  }

  /**
   * The leader says where their logs agree: entries after that are not in its log. Entries not
   * yet applied are cut off; applied ones cannot be undone, so the follower starts over empty.
   */
  private void onLogMatch(LogMatch match, long now, Decision d) {
    if (matched || !match.from().equals(leader)) {
      return; // an answer to an earlier hello
    }
    long last = log.lastLsn();
    long at = match.matchLsn();
    if (last > at) {
      boolean startOver = applier.appliedLsn() > at;
      if (startOver) {
        restartFrom(ReplicationLog.after(0), applier.database().fresh(), new TermHistory(), d);
      } else {
        log.truncateSuffix(at);
        applier.cutAfter(at, d);
        history.truncateFrom(at + 1);
        durableLsn = Math.min(durableLsn, at);
      }
      d.observe(new Observation.Rewound(at, at + 1, last, startOver));
    }
    matched = true;
    catchUpTo = match.leaderLastLsn();
    d.observe(new Observation.Following(leader, term));
    ackSoon(d);
  }

  /** Replaces the state with the leader's snapshot, unless it already has everything in it. */
  private void install(Snapshot snapshot, Decision d) {
    if (snapshot.lsn() > log.lastLsn()) {
      Database restored = applier.database().fresh();
      restored.restore(snapshot.image());
      restartFrom(ReplicationLog.after(snapshot.lsn()), restored, TermHistory.of(snapshot.history()), d);
      d.observe(new Observation.SnapshotInstalled(snapshot.lsn(), snapshot.image().rows().size()));
    }
    ackSoon(d);
  }

  /** Continues from a new log and database as if both were durable and applied. */
  private void restartFrom(ReplicationLog newLog, Database newDatabase, TermHistory newHistory, Decision d) {
    log = newLog;
    history = newHistory;
    durableLsn = newLog.lastLsn();
    applier.reset(newDatabase, newLog.lastLsn(), d);
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
      String why = applier.database().refusal(e.change());
      if (why != null) {
        refusal = why;
        d.observe(new Observation.StreamRefused(e.lsn(), why));
        d.send(leader, new StreamRefused(term, name, why));
        return;
      }
    }
    for (Entry e : fresh) {
      log.append(e);
      history.appended(e.term(), e.lsn());
    }
    resend.progressed(log.lastLsn());
    d.persist(fresh);
    d.observe(new Observation.Received(received + 1, log.lastLsn()));
    applier.report(log, now, d);
    ackSoon(d);
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
      applier.applyAvailable(log, durableLsn, now, d);
      releaseReads(now, d);
      ackSoon(d);
    }
    return d;
  }

  /** Answers the held reads whose session's position this follower's state has now reached. */
  private void releaseReads(long now, Decision d) {
    reads.release(appliedTerm(), applier.appliedLsn(), applier.database(), now, d);
  }

  /** See {@link ProtocolNode#wallClockOffset}: what the applier stamps moves, nothing else. */
  @Override
  public void wallClockOffset(long offsetMicros) {
    applier.wallClockOffset(offsetMicros);
  }

  /**
   * The term of the last entry applied: a read's answer reflects the state at that entry. Not the
   * node's current term, which runs ahead of its log when it votes in an election: a node restarted
   * empty that voted in term 2 holds nothing of term 1, and must not claim (term 2, LSN 0) is newer
   * than a session's (term 1, LSN 433).
   */
  private long appliedTerm() {
    return history.termAt(applier.appliedLsn(), log.lastLsn());
  }

  @Override
  public Decision onTimer(TimerKey key, long due, long now) {
    Decision d = new Decision();
    if (key == TimerKey.APPLY && applier.finishApplying(log, durableLsn, due, now, d)) {
      releaseReads(now, d);
      ackSoon(d);
    } else if (key == TimerKey.READ_TIMEOUT) {
      reads.expire(appliedTerm(), applier.appliedLsn(), applier.database(), now, d);
    }
    return d;
  }

  @Override
  public Decision onFlush(long now) {
    Decision d = new Decision();
    if (ackDue && leader != null && matched) {
      ackDue = false;
      d.send(leader, new Ack(term, name, incarnation, log.lastLsn(), durableLsn, applier.appliedLsn(), echo));
    }
    return d;
  }

  private void ackSoon(Decision d) {
    ackDue = true;
    d.requestFlush();
  }

  /** The database as applied so far: a checkpoint at the applied LSN. */
  Checkpoint checkpoint() {
    return new Checkpoint(applier.appliedLsn(), applier.database().image(), history.export());
  }

  @Override
  public NodeStatus status() {
    return new NodeStatus(name, NodeStatus.Role.FOLLOWER, term, log.lastLsn(), durableLsn, applier.appliedLsn(),
        applier.database().digest(), applier.database().size(), history.export());
  }

  @Override
  public Database database() {
    return applier.database();
  }

  /** The follower's database, for checks and tests. */
  public Database store() {
    return applier.database();
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
