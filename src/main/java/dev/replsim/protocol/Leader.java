package dev.replsim.protocol;

import dev.replsim.clock.Periodic;
import dev.replsim.storage.Change;
import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.Row;
import dev.replsim.storage.RowCapture;
import dev.replsim.storage.RowImage;
import dev.replsim.storage.WalRecord;
import java.util.List;
import java.util.function.Function;

/**
 * The leader's protocol core: it executes writes on its database, appends the change its
 * replication method captures under consecutive LSNs, ships entries to each follower in order,
 * tracks each follower's received, durable and applied positions from their acks (with
 * PostgreSQL's lag estimates), answers a write once the commit rule is met, and answers reads
 * with what its wait point lets other clients see.
 *
 * <p>A leader that took over a log (elected, or restarted in a new term) first learns from each
 * follower's {@link Hello} where their logs part, and tells it ({@link LogMatch}). With fencing, it
 * holds a lease: it accepts writes only while it has heard from a majority within half the
 * failover timeout, so that a leader cut off from the others stops before they elect another.
 */
public final class Leader implements ProtocolNode {

  private final String name;
  private final long term;
  /** Its commit rule may change while it leads (a {@code commit} fault); the rest never does. */
  private ProtocolSettings settings;
  private final ReplicationLog log;
  private final TermHistory history;
  /** The replication method's capture: it may change while it leads (a {@code method} fault). */
  private ChangeCapture capture;
  private final Database database;
  private final List<String> followers;
  private final FollowerProgress progress;
  private final CommitQueue commits;
  private final Shipper shipper;
  private final Learners learners;
  private long durableLsn;
  /** Whether this leader took over a log (it announces itself at once) or started a new cluster. */
  private final boolean tookOver;
  private long startedAt;
  /** Until when the lease holds, as last computed; recomputed only once passed. */
  private long leaseUntil = Long.MIN_VALUE;
  /** How far the wall clock reads ahead of the monotonic one: what this leader stamps moves by it. */
  private long wallOffsetMicros;
  /** Set during a planned switchover: the follower taking over; writes are refused meanwhile. */
  private String successor;

  /** A leader replicating row images (logical replication) of a fresh database. */
  public Leader(String name, long term, List<String> followers, ProtocolSettings settings) {
    this(name, term, followers, settings, new RowCapture(new KeyValueStore(), RowImage.MINIMAL));
  }

  /**
   * The first leader of a new cluster: every node starts empty, so every log agrees with its own.
   *
   * @param capture the replication method's capture over the leader's database
   */
  public Leader(String name, long term, List<String> followers, ProtocolSettings settings, ChangeCapture capture) {
    this(name, term, followers, settings, capture,
        new HandOver(new ReplicationLog(), capture.database(), new TermHistory(), 0, 0), false);
  }

  /**
   * A leader taking over a log: elected, or restarted in a new term. Its followers must each say
   * hello before it ships to them (without fencing it ships to anyone at once).
   */
  public static Leader takingOver(String name, long term, List<String> followers, ProtocolSettings settings,
      ChangeCapture capture, HandOver state) {
    return new Leader(name, term, followers, settings, capture, state, true);
  }

  private Leader(String name, long term, List<String> followers, ProtocolSettings settings, ChangeCapture capture,
      HandOver state, boolean tookOver) {
    // a new cluster's logs all agree; without fencing a leader ships to anyone at once
    boolean matched = !tookOver || !settings.election().fencing();
    this.name = name;
    this.term = term;
    this.followers = List.copyOf(followers);
    this.settings = settings;
    this.capture = capture;
    this.database = capture.database();
    this.log = state.log();
    this.history = state.history();
    this.durableLsn = state.durableLsn();
    this.tookOver = tookOver;
    this.progress = new FollowerProgress(this.followers, matched, matched ? log.lastLsn() + 1 : 1);
    this.commits = new CommitQueue(settings.commit(), new CommitQuorum(settings.commit(), this.followers),
        this.followers.size(), log.lastLsn());
    this.shipper = new Shipper(name, term, settings, this.followers, progress);
    this.learners = new Learners(name, term, settings);
  }

  @Override
  public String name() {
    return name;
  }

  long term() {
    return term;
  }

  @Override
  public Decision start(long now) {
    Decision d = new Decision();
    startedAt = now;
    if (tookOver) {
      shipper.heartbeat(now, d); // followers learn of the new leader without waiting
    }
    d.setTimer(TimerKey.HEARTBEAT, now + settings.heartbeatIntervalMicros());
    return d;
  }

  /** See {@link ProtocolNode#wallClockOffset}: its entries' timestamps move; its lease does not. */
  @Override
  public void wallClockOffset(long offsetMicros) {
    wallOffsetMicros = offsetMicros;
  }

  @Override
  public Decision onWrite(Write write, long now) {
    Decision d = new Decision();
    if (successor != null || leaseLost(now)) {
      d.redirect(new Redirect(write.client(), write.requestId(), successor, false));
      return d;
    }
    long lsn = log.lastLsn() + 1;
    PendingWrite p = commits.add(write, lsn, now, d);
    long wall = now + wallOffsetMicros; // NOW() and the entry's timestamp are the wall clock's
    Change change = capture.capture(write.statement(), wall, p); // p hears the rows before the write
    Entry entry = Entry.of(term, lsn, change, wall);
    log.append(entry);
    history.appended(term, lsn);
    d.persist(entry);
    d.observe(new Observation.Appended(lsn, entry.sizeBytes()));
    if (change instanceof WalRecord && ((WalRecord) change).fullPageImages() > 0) {
      d.observe(new Observation.FullPageImages(lsn, ((WalRecord) change).fullPageImages()));
    }
    if (!followers.isEmpty()) {
      d.requestFlush();
    }
    return d;
  }

  /**
   * The commit rule changes now (a {@code commit} fault): writes appended from now on wait under
   * {@code policy}, and so do those already waiting (see {@link CommitQueue#reconfigure}), so a
   * switch to async answers every waiting write at once, and a switch to sync holds the rest
   * until every follower acked them. Reads see by the new wait point.
   */
  @Override
  public Decision onCommitPolicy(CommitPolicy policy, long now) {
    Decision d = new Decision();
    settings = settings.with(policy);
    commits.reconfigure(policy, new CommitQuorum(policy, followers), now, d);
    release(now, d);
    return d;
  }

  /**
   * The replication method changes now (a {@code method} fault): every write from now on is
   * captured by the new method over this leader's database; entries already in the log keep the
   * change they were captured as, and followers apply each by its own kind.
   */
  @Override
  public void captureWith(Function<Database, ChangeCapture> method) {
    capture = method.apply(database);
  }

  /**
   * Whether this leader may acknowledge writes: with fencing and elections, only while a majority
   * (itself included) has heard from it within the failover timeout, counted from when its
   * heartbeats left. A follower that heard from it votes for no other until a whole timeout has
   * passed, so no other leader can be elected while this one acknowledges a write.
   */
  boolean holdsLease(long now) {
    if (!fencing() || majority() == 0) {
      return true;
    }
    if (now < leaseUntil) {
      return true;
    }
    long since = progress.majorityHeardAt(majority());
    leaseUntil = since == Long.MIN_VALUE ? Long.MIN_VALUE : since + settings.election().timeoutMicros();
    return now < leaseUntil;
  }

  /**
   * Whether this leader has gone a whole failover timeout without a majority hearing from it (or,
   * new, without one hearing from it since it started): it should step down.
   */
  boolean leaseLost(long now) {
    if (!fencing()) {
      return false;
    }
    long since = Math.max(startedAt, progress.majorityHeardAt(majority()));
    return now - since >= settings.election().timeoutMicros();
  }

  /** Whether this leader keeps a lease: fencing with the lease on, and elections to fence against. */
  private boolean fencing() {
    ElectionSettings e = settings.election();
    return e.fencing() && e.lease() && e.elects();
  }

  /** Followers needed to make a majority of all nodes with this one. */
  private int majority() {
    return (followers.size() + 1) / 2;
  }

  /**
   * Answers with what other clients may see: every write up to the visible LSN, and, for a key
   * that a later write changed, the row before that write. After sync, a write is visible once
   * answered; after commit, once durable on the leader, before any follower acked it. A session
   * that has already seen a newer state (on a follower) is shown that state: never an older one.
   */
  @Override
  public Decision onRead(Read read, long now) {
    if (read.leaderOnly() && !holdsLease(now)) {
      Decision refused = new Decision();
      refused.answer(read.refused(null)); // another may lead by now: this one cannot vouch for its state
      return refused;
    }
    long visible = settings.commit().waitPoint() == WaitPoint.AFTER_COMMIT ? durableLsn : commits.releasedLsn();
    if (read.after().term() == term) {
      visible = Math.max(visible, Math.min(read.after().lsn(), durableLsn)); // the session's own writes
    }
    Row row = commits.visibleRow(database, read.key(), visible);
    Decision d = new Decision();
    d.answer(new ReadOutcome(read.client(), read.requestId(), read.key(), row == null ? null : row.value(), visible,
        term, 0));
    return d;
  }

  @Override
  public Decision onMessage(Message message, long now) {
    Decision d = new Decision();
    if (message.term() != term && settings.election().fencing()) {
      return d; // a stale term; a newer one is for the replica to step down over
    }
    int i = progress.indexOf(message.from());
    if (i < 0) {
      learners.onMessage(message, log, history, d); // a follower added to the running cluster
      return d;
    }
    if (message instanceof Hello) {
      onHello(i, (Hello) message, d);
    } else if (message instanceof Ack) {
      onAck(i, (Ack) message, now, d);
    } else if (message instanceof ResendRequest) {
      onResendRequest(i, (ResendRequest) message, d);
    } else if (message instanceof StreamRefused) {
      progress.detach(i);
      release(now, d); // FIRST k may now count on the next standby
    }
    return d;
  }

  /** Tells the follower where their logs agree, and ships to it from there. */
  private void onHello(int i, Hello hello, Decision d) {
    if (!fromCurrentIncarnation(i, hello.incarnation(), d)) {
      return;
    }
    long match = history.matchingLsn(TermHistory.of(hello.history()), hello.lastLsn(), log.lastLsn());
    d.send(hello.from(), new LogMatch(term, name, match, log.lastLsn()));
    if (progress.isMatched(i)) {
      return; // said again before our answer arrived: what was shipped since (a snapshot) still stands
    }
    // a follower that applied entries after the match starts over empty, to be set up from a snapshot
    boolean startsOver = hello.appliedLsn() > match;
    progress.match(i, startsOver ? 0 : match, startsOver ? 0 : hello.appliedLsn());
    d.requestFlush();
  }

  private void onAck(int i, Ack ack, long now, Decision d) {
    if (!fromCurrentIncarnation(i, ack.incarnation(), d)) {
      return;
    }
    progress.heard(i, ack.echo());
    if (!progress.isMatched(i)) {
      return; // from before this leader knew where its log agrees with ours
    }
    boolean windowWasFull = !progress.hasRoom(i, settings.maxInFlightEntries());
    progress.acked(i, ack);
    long sent = progress.nextLsn(i) - 1;
    LagTracker lag = progress.lag(i);
    // PostgreSQL's lags compare its own wall clock's reply time with the entries' timestamps
    lag.reply(ack.receivedLsn(), ack.durableLsn(), ack.appliedLsn(), sent, now + wallOffsetMicros);
    d.observe(new Observation.StandbyReply(ack.from(), sent, ack.receivedLsn(), ack.durableLsn(),
        ack.appliedLsn(), lag.lag(LagTracker.WRITE), lag.lag(LagTracker.FLUSH), lag.lag(LagTracker.REPLAY)));
    release(now, d);
    if (windowWasFull && progress.nextLsn(i) <= log.lastLsn()) {
      d.requestFlush();
    }
  }

  private void onResendRequest(int i, ResendRequest request, Decision d) {
    if (!fromCurrentIncarnation(i, request.incarnation(), d) || !progress.isMatched(i)) {
      return;
    }
    progress.received(i, request.fromLsn() - 1);
    if (request.fromLsn() <= progress.receivedLsn(i)) {
      return; // stale: duplicated, or overtaken by an ack showing the follower has more
    }
    if (request.fromLsn() < progress.nextLsn(i)) {
      progress.rewind(i);
      d.observe(new Observation.ResendServed(request.from(), request.fromLsn()));
      d.requestFlush();
    }
  }

  /** False for a message sent before the follower restarted; notes a restart. */
  private boolean fromCurrentIncarnation(int i, long incarnation, Decision d) {
    FollowerProgress.Incarnation seen = progress.incarnation(i, incarnation);
    if (seen == FollowerProgress.Incarnation.RESTARTED) {
      d.observe(new Observation.FollowerRestarted(progress.name(i), incarnation));
      d.requestFlush();
    }
    return seen != FollowerProgress.Incarnation.STALE;
  }

  @Override
  public Decision onDurable(long upToLsn, long now) {
    Decision d = new Decision();
    upToLsn = Math.min(upToLsn, log.lastLsn());
    if (upToLsn > durableLsn) {
      d.observe(new Observation.Durable(durableLsn + 1, upToLsn));
      durableLsn = upToLsn;
      release(now, d);
    }
    return d;
  }

  @Override
  public Decision onTimer(TimerKey key, long due, long now) {
    Decision d = new Decision();
    if (key == TimerKey.HEARTBEAT) {
      shipper.heartbeat(now, d);
      learners.heartbeat(now, d);
      shipper.truncate(log, learners.minDurable(Long.MAX_VALUE));
      d.setTimer(TimerKey.HEARTBEAT, Periodic.next(due, settings.heartbeatIntervalMicros(), now));
    } else if (key == TimerKey.COMMIT_TIMEOUT) {
      commits.timedOut(now, d);
      release(now, d);
    }
    return d;
  }

  @Override
  public Decision onFlush(long now) {
    Decision d = new Decision();
    shipper.ship(log, database, history, d);
    learners.ship(log, database, history, d);
    return d;
  }

  /** Answers what the commit rule allows, while the lease holds (until then writes wait). */
  private void release(long now, Decision d) {
    if (holdsLease(now)) {
      commits.release(durableLsn, progress, term, d);
    }
  }

  /**
   * Starts a planned switchover to {@code target}: no more writes are accepted, and once the
   * pending ones are answered and the target holds the whole log, {@link #handOverReady} says so.
   */
  void beginSwitchover(String target, Decision d) {
    successor = target;
    d.observe(new Observation.SwitchoverStarted(target, term));
  }

  /** The matched follower that has received the most, the natural successor; null if none is matched. */
  String mostCaughtUp() {
    String best = null;
    long most = -1;
    for (int i = 0; i < followers.size(); i++) {
      if (progress.isMatched(i) && !progress.isDetached(i) && progress.receivedLsn(i) > most) {
        most = progress.receivedLsn(i);
        best = followers.get(i);
      }
    }
    return best;
  }

  /** Gives up a switchover that did not complete in time: writes are accepted again. */
  void abandonSwitchover() {
    successor = null;
  }

  /** The follower this leader is handing over to, once every write it took is in that follower's log. */
  String handOverReady() {
    if (successor == null || commits.size() > 0) {
      return null;
    }
    int i = progress.indexOf(successor);
    return i >= 0 && progress.isMatched(i) && progress.receivedLsn(i) >= log.lastLsn() ? successor : null;
  }

  /**
   * Stops leading: pending writes are answered with a redirect (their fate unknown), timers
   * stop, and the log, database and history go on in the node's next role.
   */
  HandOver stepDown(String newLeader, Decision d) {
    commits.redirectAll(newLeader, d);
    d.cancelTimer(TimerKey.HEARTBEAT);
    return new HandOver(log, database, history, durableLsn, log.lastLsn());
  }

  /** The leader's database holds its whole log: a checkpoint at its last LSN. */
  Checkpoint checkpoint() {
    return new Checkpoint(log.lastLsn(), database.image(), history.export());
  }

  @Override
  public NodeStatus status() {
    return new NodeStatus(name, NodeStatus.Role.LEADER, term, log.lastLsn(), durableLsn,
        log.lastLsn(), database.digest(), database.size(), history.export());
  }

  @Override
  public Database database() {
    return database;
  }

  /** The leader's database, for checks and tests. */
  public Database store() {
    return database;
  }

  /** The in-memory tail of the log, for tests in this package: its bounds show the truncation. */
  ReplicationLog log() {
    return log;
  }

  /** Writes appended but not yet answered. */
  public int pendingWrites() {
    return commits.size();
  }
}
