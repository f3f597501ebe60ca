package dev.replsim.protocol;

import dev.replsim.clock.Periodic;
import dev.replsim.random.DurationSampler;
import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import java.util.function.Function;

/**
 * One node of a cluster with failover: a {@link Follower} that may stand for election and a
 * {@link Leader} that may step down, with the term and vote that outlive both. It detects a
 * silent leader ({@link LeaderWatch}), asks for pre-votes (unless they are off) so that a node cut
 * off from the others cannot disrupt a healthy leader, then for votes by Raft's rules (one vote per
 * term, only for a log at least as up to date unless the vote rule is {@code any}), and leads once a
 * majority votes for it. With fencing it steps down
 * on any newer term and when its lease runs out; without, it goes on leading whatever it hears.
 */
public final class Replica implements ProtocolNode {

  private final NodeSetup setup;
  private final String name;
  private final ElectionSettings election;
  private final LeaderWatch watch;
  private DurationSampler applyTime;
  /** The protocol's settings, whose commit rule a {@code commit} fault may change; its next leader takes them. */
  private ProtocolSettings settings;
  /** The replication method's capture, which a {@code method} fault may change; its next leader takes it. */
  private Function<Database, ChangeCapture> capture;
  private long term;
  private String votedFor;
  private Follower follower;
  private Leader leader;
  private Campaign campaign;
  /** After handing over in a switchover: the successor, told to stand until a newer leader is heard. */
  private String successor;
  private long switchoverDeadline;
  /** How far the node's wall clock reads ahead of its monotonic one (see {@link #wallClockOffset}). */
  private long wallOffsetMicros;
  /**
   * Restarted without its log (the memory journal): until it has caught up with a leader it
   * neither votes nor stands, or entries a majority held could be lost to a majority that forgot
   * them.
   */
  private boolean amnesiac;
  /**
   * Added to a running cluster ({@code add-follower}): it is not one of the voting members the
   * others know of, so it never votes or stands; it only follows the leader it joined.
   */
  private boolean learner;

  /** A node in {@code term} that voted for {@code votedFor}; {@link Replicas} gives it its role. */
  Replica(NodeSetup setup, long term, String votedFor) {
    this.setup = setup;
    this.name = setup.name();
    this.election = setup.settings().election();
    this.watch = new LeaderWatch(election, setup.settings().heartbeatIntervalMicros(), setup.random());
    this.applyTime = setup.applyTime();
    this.settings = setup.settings();
    this.capture = setup.capture();
    this.term = term;
    this.votedFor = votedFor;
  }

  /** Starts as the leader it is handed. */
  void lead(Leader l) {
    this.leader = l;
    l.wallClockOffset(wallOffsetMicros);
  }

  /** Starts as the follower it is handed. */
  void follow(Follower f) {
    this.follower = f;
    f.wallClockOffset(wallOffsetMicros);
  }

  /** Its role stamps with the wall clock, whichever role it is in now or takes later. */
  @Override
  public void wallClockOffset(long offsetMicros) {
    wallOffsetMicros = offsetMicros;
    if (leader != null) {
      leader.wallClockOffset(offsetMicros);
    }
    if (follower != null) {
      follower.wallClockOffset(offsetMicros);
    }
  }

  /** Restarted without its log: it neither votes nor stands until it has caught up. */
  void forgetful() {
    this.amnesiac = true;
  }

  /** Added to a running cluster: it never votes or stands. */
  void asLearner() {
    this.learner = true;
  }

  @Override
  public String name() {
    return name;
  }

  /** The node's applied state now, for its journal's next snapshot. */
  public Checkpoint checkpoint() {
    return leader != null ? leader.checkpoint() : follower.checkpoint();
  }

  /** Changes how long applying an entry takes from the next entry on (a {@code slow} fault). */
  public void setApplyTime(DurationSampler applyTime) {
    this.applyTime = applyTime;
    if (follower != null) {
      follower.setApplyTime(applyTime);
    }
  }

  /** The commit rule changes now: its leader, if it leads, judges by it at once; else it keeps it for when it leads. */
  @Override
  public Decision onCommitPolicy(CommitPolicy policy, long now) {
    settings = settings.with(policy);
    return leader != null ? leader.onCommitPolicy(policy, now) : new Decision();
  }

  /** The replication method changes now: its leader, if it leads, captures by it at once; else when it leads. */
  @Override
  public void captureWith(Function<Database, ChangeCapture> capture) {
    this.capture = capture;
    if (leader != null) {
      leader.captureWith(capture);
    }
  }

  @Override
  public Decision start(long now) {
    if (leader != null) {
      Decision d = leader.start(now);
      armLease(now, d);
      return d;
    }
    Decision d = follower.start(now);
    if (learner) {
      follower.hello(d); // the leader does not know of it yet: it must speak first
      d.setTimer(TimerKey.ELECTION, now + helloRetryMicros());
    }
    watch.restart(now);
    armWatch(now, d);
    return d;
  }

  @Override
  public Decision onWrite(Write write, long now) {
    if (leader != null && leader.leaseLost(now)) {
      Decision d = new Decision();
      d.observe(new Observation.LeaseExpired(term));
      stepDown(term, null, now, d);
      return d.absorb(onWrite(write, now));
    }
    if (leader != null) {
      return leader.onWrite(write, now);
    }
    Decision d = new Decision();
    String hint = follower.leader() != null ? follower.leader() : successor;
    d.redirect(new Redirect(write.client(), write.requestId(), hint, false));
    return d;
  }

  @Override
  public Decision onRead(Read read, long now) {
    return leader != null ? leader.onRead(read, now) : follower.onRead(read, now);
  }

  @Override
  public Decision onMessage(Message message, long now) {
    Decision d = new Decision();
    if (message instanceof RequestVote) {
      Elections.onRequestVote(this, (RequestVote) message, now, d);
      return d;
    }
    if (message instanceof Vote) {
      onVote((Vote) message, now, d);
      return d;
    }
    if (message.term() > term && election.fencing()) {
      stepDown(message.term(), null, now, d);
    }
    if (election.fencing() && Follower.fromALeader(message) && message.term() < term) {
      // a leader of an older term: its entries are stale, and it must hear this node's term to
      // step down (Raft's rule), or a leader whose lease the other nodes keep would never learn of
      // a newer term two candidates are stuck in
      NodeStatus s = status();
      d.send(message.from(), new Ack(term, name, setup.incarnation(), s.lastLsn(), s.durableLsn(), s.appliedLsn()));
      return d;
    }
    if (message instanceof TimeoutNow) {
      if (leader == null && message.term() == term && !amnesiac()) {
        successor = null;
        stand(false, true, now, d);
      }
      return d;
    }
    if (leader != null) {
      d.absorb(leader.onMessage(message, now));
      handOverIfReady(now, d);
      return d;
    }
    if (Follower.fromALeader(message) && (message.term() >= term || !election.fencing())) {
      heardFromLeader(message, now, d);
    }
    d.absorb(follower.onMessage(message, now));
    if (amnesiac && follower.caughtUp()) {
      amnesiac = false; // it holds what its leader held: its vote is safe again
    }
    return d;
  }

  private void heardFromLeader(Message message, long now, Decision d) {
    if (campaign != null) {
      campaign = null; // another won this term, or the leader is alive after all
    }
    if (!message.from().equals(follower.leader())) {
      watch.restart(now);
      successor = null;
    }
    watch.heard(now);
    if (message.term() > term) {
      term = message.term();
    }
  }

  private void onVote(Vote vote, long now, Decision d) {
    if ((!vote.preVote() || !vote.granted()) && vote.term() > term && election.fencing()) {
      stepDown(vote.term(), null, now, d); // a newer term is under way: follow it
      return;
    }
    if (campaign == null || !vote.granted() || !campaign.answers(vote) || !campaign.grant(vote.from())) {
      return;
    }
    if (campaign.preVote()) {
      stand(false, false, now, d);
    } else {
      becomeLeader(now, d);
    }
  }

  /**
   * Asks every peer for its vote: a pre-vote for the next term, or, after a winning pre-vote (or
   * when told to by a leader handing over), the election itself in a new term.
   */
  void stand(boolean preVote, boolean transfer, long now, Decision d) {
    long round = term + 1;
    if (!preVote) {
      term = round;
      votedFor = name;
      follower.enterTerm(term);
      d.observe(new Observation.ElectionStarted(term, follower.lastLsn(), transfer));
      d.observe(new Observation.Voted(term, name));
    }
    campaign = new Campaign(round, preVote, transfer, setup.clusterSize(), name);
    RequestVote ask = new RequestVote(round, name, follower.lastLsn(), follower.lastTerm(), preVote, transfer);
    setup.peers().forEach(peer -> d.send(peer, ask));
    d.setTimer(TimerKey.ELECTION, now + watch.randomTimeout());
    if (campaign.won()) { // a cluster of one
      onVote(new Vote(round, name, true, preVote), now, d);
    }
  }

  private void becomeLeader(long now, Decision d) {
    int votes = campaign.votes().size();
    campaign = null;
    HandOver state = follower.promote(now, d);
    follower = null;
    lead(Leader.takingOver(name, term, setup.peers(), settings, capture.apply(state.database()), state));
    d.observe(new Observation.BecameLeader(term, state.log().lastLsn(), votes, state.history().export()));
    d.cancelTimer(TimerKey.ELECTION);
    d.absorb(leader.start(now));
    armLease(now, d);
  }

  /**
   * Leaves the leader or candidate role (or an old term) for a follower's in {@code newTerm}:
   * a leader's pending writes are answered with a redirect.
   */
  void stepDown(long newTerm, String newLeader, long now, Decision d) {
    if (newTerm > term) {
      term = newTerm;
      votedFor = null;
    }
    campaign = null;
    if (leader != null) {
      d.observe(new Observation.SteppedDown(leader.term(), term, leader.pendingWrites()));
      HandOver state = leader.stepDown(newLeader, d);
      leader = null;
      follow(new Follower(name, null, term, setup.incarnation(), false, settings, applyTime, state));
      waitForLeader(now, d);
    } else if (follower.term() < term) {
      follower.enterTerm(term);
    }
  }

  @Override
  public Decision onTimer(TimerKey key, long due, long now) {
    if (key == TimerKey.ELECTION) {
      Decision d = new Decision();
      if (leader == null && learner && follower.awaitingMatch()) {
        follower.hello(d); // its hello, or the leader's answer, may have been lost
        d.setTimer(TimerKey.ELECTION, Periodic.next(due, helloRetryMicros(), now));
      } else if (leader == null) {
        onWatchTimer(due, now, d);
      }
      return d;
    }
    if (key == TimerKey.LEASE) {
      Decision d = new Decision();
      if (leader != null) {
        onLeaseTimer(due, now, d);
      }
      return d;
    }
    return leader != null ? leader.onTimer(key, due, now) : follower.onTimer(key, due, now);
  }

  /**
   * The failure detector's check came due. Timeouts that wait for an answer (a campaign's votes,
   * a successor's election) count from now, when their requests leave; the periodic check itself
   * keeps its rhythm from {@code due}.
   */
  private void onWatchTimer(long due, long now, Decision d) {
    if (successor != null) {
      d.send(successor, new TimeoutNow(term, name)); // it may not have heard the first time
      d.setTimer(TimerKey.ELECTION, now + watch.randomTimeout());
    } else if (campaign != null) {
      // the round failed (split vote, lost messages): try again, from a pre-vote if it takes them
      boolean transfer = campaign.transfer();
      campaign = null;
      if (transfer || election.elects()) {
        stand(!transfer && election.preVote(), transfer, now, d);
      }
    } else if (election.elects() && !amnesiac() && watch.suspects(now)) {
      d.observe(new Observation.LeaderSuspected(follower.leader(), term));
      stand(election.preVote(), false, now, d);
    } else {
      d.setTimer(TimerKey.ELECTION, watch.nextCheck(due, now));
    }
  }

  private void onLeaseTimer(long due, long now, Decision d) {
    if (leader.leaseLost(now)) {
      d.observe(new Observation.LeaseExpired(term));
      stepDown(term, null, now, d);
      return;
    }
    if (switchoverDeadline != 0 && now >= switchoverDeadline) {
      leader.abandonSwitchover();
      switchoverDeadline = 0;
    }
    d.setTimer(TimerKey.LEASE, Periodic.next(due, setup.settings().heartbeatIntervalMicros(), now));
  }

  @Override
  public Decision onSwitchover(String target, long now) {
    Decision d = new Decision();
    if (leader == null || election.strategy() == ElectionSettings.Strategy.NONE) {
      return d;
    }
    String to = target != null ? target : leader.mostCaughtUp();
    if (to == null || to.equals(name)) {
      return d;
    }
    leader.beginSwitchover(to, d);
    switchoverDeadline = now + 2 * election.timeoutMicros();
    armLease(now, d);
    handOverIfReady(now, d);
    return d;
  }

  /** Once the successor has every write, tells it to stand now, and steps down to let it win. */
  private void handOverIfReady(long now, Decision d) {
    String ready = leader == null ? null : leader.handOverReady();
    if (ready != null) {
      d.send(ready, new TimeoutNow(term, name));
      switchoverDeadline = 0;
      stepDown(term, ready, now, d);
      successor = ready;
      d.setTimer(TimerKey.ELECTION, now + watch.randomTimeout());
    }
  }

  /** How long a learner waits for its leader's answer before saying hello again. */
  private long helloRetryMicros() {
    return 4 * setup.settings().heartbeatIntervalMicros();
  }

  private void armWatch(long now, Decision d) {
    if (election.elects()) {
      d.setTimer(TimerKey.ELECTION, watch.nextCheck(now, now));
    }
  }

  private void armLease(long now, Decision d) {
    if (election.strategy() != ElectionSettings.Strategy.NONE) {
      d.setTimer(TimerKey.LEASE, now + setup.settings().heartbeatIntervalMicros());
    }
  }

  @Override
  public Decision onDurable(long upToLsn, long now) {
    return leader != null ? leader.onDurable(upToLsn, now) : follower.onDurable(upToLsn, now);
  }

  @Override
  public Decision onFlush(long now) {
    return leader != null ? leader.onFlush(now) : follower.onFlush(now);
  }

  @Override
  public NodeStatus status() {
    if (leader != null) {
      return leader.status();
    }
    NodeStatus s = follower.status();
    return campaign == null ? s : new NodeStatus(s.name(), NodeStatus.Role.CANDIDATE, term, s.lastLsn(),
        s.durableLsn(), s.appliedLsn(), s.digest(), s.rows(), s.history());
  }

  @Override
  public Database database() {
    return leader != null ? leader.database() : follower.database();
  }

  // ---- for Elections ----

  long term() {
    return term;
  }

  String votedFor() {
    return votedFor;
  }

  void votedFor(String candidate) {
    votedFor = candidate;
  }

  boolean leads() {
    return leader != null;
  }

  /** Whether it restarted without its log and has not caught up yet: it may not vote. */
  boolean amnesiac() {
    return amnesiac || learner;
  }

  Follower follower() {
    return follower;
  }

  /** The leader it plays, or null while it follows. */
  Leader leader() {
    return leader;
  }

  LeaderWatch watch() {
    return watch;
  }

  ElectionSettings election() {
    return election;
  }

  /** Starts waiting a whole election timeout again. */
  void waitForLeader(long now, Decision d) {
    watch.restart(now);
    armWatch(now, d);
  }
}
