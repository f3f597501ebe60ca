package dev.replsim.workload;

import dev.replsim.check.Operation.Outcome;
import dev.replsim.clock.PreciseTimer;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.LogPosition;
import dev.replsim.protocol.Write;
import dev.replsim.storage.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One client writing through the leader, like an application server in front of its database;
 * each write is a statement from the workload's mix. At a set rate it writes at the instants of
 * its {@link ArrivalProcess} (open loop: it does not wait for answers); at an unlimited rate it
 * keeps a fixed number of writes outstanding (closed loop). Its commit latency runs from sending a
 * write to hearing it committed; a write not answered within the write timeout (its leader
 * crashed, a sync follower is gone) counts as failed. It also reads, at its own rate and in
 * read-after-write probes, straight from the nodes its session and routing pick ({@link
 * ClientReads}), and records what each operation did in its history, when the run keeps one.
 */
public final class Client extends AbstractBehavior<Client.Command> {

  /** How often timed-out writes are looked for; timeouts are seconds, so this is fine enough. */
  private static final Duration EXPIRY_CHECK = Duration.ofMillis(100);

  /** What a client accepts. */
  public sealed interface Command {}

  /** Starts writing. */
  public enum Begin implements Command { INSTANCE }

  /** Stops issuing writes; answers to outstanding ones are still recorded. */
  public enum Halt implements Command { INSTANCE }

  /** From now on, writes go to this leader (it restarted, or another node leads). */
  public record LeaderIs(ActorRef<ReplicaNode.Command> leader) implements Command {}

  /**
   * The leader's process is gone (its connection dropped): writes waiting for it fail at once, and
   * so do new ones until a leader is back, as a real client's would with "connection refused".
   */
  public enum LeaderDown implements Command { INSTANCE }

  /** A follower's process is gone: reads waiting for it fail, and no read goes there. */
  public record FollowerDown(String node) implements Command {}

  /** A follower runs again (restarted): reads may go to it again. */
  public record FollowerIs(String node, ActorRef<ReplicaNode.Command> ref) implements Command {}

  /**
   * The run is over: what is still unanswered ends as unknown in the history, which the client
   * then closes, and {@code done} completes.
   */
  public record Finish(CompletableFuture<Void> done) implements Command {}

  private enum Arrive implements Command { INSTANCE }

  private enum ReadArrive implements Command { INSTANCE }

  private enum Expire implements Command { INSTANCE }

  private record Replied(ReplicaNode.WriteReply reply) implements Command {}

  /** Sends a redirected write again, to whichever node leads by then. */
  private record Resend(long requestId) implements Command {}

  private record Answered(ReplicaNode.ReadResult reply) implements Command {}

  private record Probe(String key) implements Command {}

  private final ClientPlan plan;
  private final PreciseTimer timer;
  private final RunClock clock;
  private final Recorder recorder;
  private final ActorRef<ReplicaNode.WriteReply> replies;
  private final IssuedWrites issued = new IssuedWrites();
  private final ClientReads reads;
  private final LeaderFinder finder;
  /** Redirected writes waiting to be sent again, by request id: how often each was. */
  private final Map<Long, Integer> resends = new HashMap<>();
  private long nextRequestId = 1;
  private boolean halted;

  /** @param nodes every node's actor by name, the leader's among them */
  public static Behavior<Command> create(ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      PreciseTimer timer, Recorder recorder) {
    return Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Expire.INSTANCE, EXPIRY_CHECK);
      return Behaviors.setup(ctx -> new Client(ctx, plan, nodes, timer, recorder));
    });
  }

  private Client(ActorContext<Command> ctx, ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      PreciseTimer timer, Recorder recorder) {
    super(ctx);
    this.plan = plan;
    this.finder = new LeaderFinder(plan.leader(), nodes, plan.failover());
    this.timer = timer;
    this.clock = timer.clock();
    this.recorder = recorder;
    this.replies = ctx.messageAdapter(ReplicaNode.WriteReply.class, Replied::new);
    ClientPlan.ReadPlan r = plan.reads();
    this.reads = r == null ? null : new ClientReads(r.router(), r.session(), r.sessionTimeoutMicros(), clock,
        recorder.reads(), plan.history(), ctx.messageAdapter(ReplicaNode.ReadResult.class, Answered::new), nodes);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Arrive.INSTANCE, this::onArrive)
        .onMessage(Replied.class, this::onReplied)
        .onMessage(Resend.class, this::onResend)
        .onMessageEquals(ReadArrive.INSTANCE, this::onReadArrive)
        .onMessage(Probe.class, this::onProbe)
        .onMessage(Answered.class, this::onAnswered)
        .onMessageEquals(Expire.INSTANCE, this::onExpire)
        .onMessage(LeaderIs.class, this::onLeaderIs)
        .onMessageEquals(LeaderDown.INSTANCE, this::onLeaderDown)
        .onMessage(FollowerIs.class, this::onFollowerIs)
        .onMessage(FollowerDown.class, this::onFollowerDown)
        .onMessageEquals(Begin.INSTANCE, this::onBegin)
        .onMessageEquals(Halt.INSTANCE, this::onHalt)
        .onMessage(Finish.class, this::onFinish)
        .build();
  }

  private Behavior<Command> onBegin() {
    if (plan.closedLoop()) {
      for (int i = 0; i < plan.maxOutstanding(); i++) {
        write();
      }
    } else {
      scheduleArrival();
    }
    if (reads != null && plan.reads().arrivals() != null) {
      scheduleRead();
    }
    return this;
  }

  private Behavior<Command> onArrive() {
    if (!halted) {
      write();
      scheduleArrival();
    }
    return this;
  }

  private void scheduleArrival() {
    ActorRef<Command> self = getContext().getSelf();
    timer.at(plan.arrivals().next(), () -> self.tell(Arrive.INSTANCE));
  }

  private void write() {
    long id = nextRequestId++;
    String value = plan.name() + "-" + id;
    Statement statement = plan.statements().next(plan.keys().next(), value, plan.valueBytes());
    recorder.writeIssued();
    ActorRef<ReplicaNode.Command> leader = finder.leaderRef();
    if (leader == null) {
      recorder.writesFailed(1);
      long now = clock.nowMicros();
      recordWrite(statement, now, now, Outcome.FAILED, 0, 0); // refused at once: never sent
      return;
    }
    issued.add(id, clock.nowMicros(), statement);
    leader.tell(new ReplicaNode.ClientWrite(new Write(replies, id, statement)));
  }

  private Behavior<Command> onReplied(Replied msg) {
    if (msg.reply() instanceof ReplicaNode.WriteRedirected) {
      onRedirected((ReplicaNode.WriteRedirected) msg.reply());
      return this;
    }
    ReplicaNode.WriteCommitted reply = (ReplicaNode.WriteCommitted) msg.reply();
    long at = issued.remove(reply.requestId());
    resends.remove(reply.requestId());
    if (at >= 0) {
      long now = clock.nowMicros();
      recorder.writeCommitted(now - at, reply.term(), reply.lsn(), now);
      Statement statement = issued.removedStatement();
      recordWrite(statement, at, now, Outcome.OK, reply.term(), reply.lsn());
      if (reads != null) {
        reads.wrote(new LogPosition(reply.term(), reply.lsn()));
        long delay = plan.reads().probeDelayMicros();
        if (delay >= 0 && !halted && statement instanceof Statement.Assign) {
          ActorRef<Command> self = getContext().getSelf();
          Probe probe = new Probe(((Statement.Assign) statement).key());
          timer.at(now + delay, () -> self.tell(probe));
        }
      }
      if (plan.closedLoop() && !halted && finder.leaderRef() != null) {
        write();
      }
    }
    return this;
  }

  /** Records a write that ended, when the run keeps a history (of SETs: the checkers' registers). */
  private void recordWrite(Statement statement, long sentAt, long endedAt, Outcome outcome, long term, long lsn) {
    if (plan.history() != null && statement instanceof Statement.Assign) {
      Statement.Assign set = (Statement.Assign) statement;
      plan.history().write(set.key(), set.value(), sentAt, endedAt, outcome,
          finder.leader() != null ? finder.leader() : plan.leader(), term, lsn);
    }
  }

  /** Writes unanswered when they are given up on may still have taken effect: unknown. */
  private int giveUp(long cutoffMicros) {
    long now = clock.nowMicros();
    return issued.expireSentBefore(cutoffMicros,
        (sentAt, statement) -> recordWrite(statement, sentAt, now, Outcome.UNKNOWN, 0, 0));
  }

  private void scheduleRead() {
    ActorRef<Command> self = getContext().getSelf();
    timer.at(plan.reads().arrivals().next(), () -> self.tell(ReadArrive.INSTANCE));
  }

  private Behavior<Command> onReadArrive() {
    if (!halted) {
      reads.read(plan.reads().keys().next(), false);
      scheduleRead();
    }
    return this;
  }

  private Behavior<Command> onProbe(Probe probe) {
    if (!halted) {
      reads.read(probe.key(), true);
    }
    return this;
  }

  private Behavior<Command> onAnswered(Answered msg) {
    reads.answered(msg.reply());
    return this;
  }

  private Behavior<Command> onExpire() {
    long cutoff = clock.nowMicros() - plan.writeTimeoutMicros();
    if (reads != null) {
      reads.expireSentBefore(cutoff);
    }
    int expired = giveUp(cutoff);
    if (expired > 0) {
      recorder.writesFailed(expired);
      for (int i = 0; plan.closedLoop() && !halted && finder.leaderRef() != null && i < expired; i++) {
        write();
      }
    }
    return this;
  }

  /**
   * A node would not take a write. If it had appended it before it stepped down, the write may yet
   * commit or be lost: its outcome is unknown, and it is not sent again (that could apply it
   * twice). Otherwise it goes to the leader the node named, or, while none is known, to the next
   * guess after a back-off; the write timeout bounds how long it keeps trying.
   */
  private void onRedirected(ReplicaNode.WriteRedirected r) {
    boolean wait = finder.redirected(r.node(), r.leader());
    if (issued.statement(r.requestId()) == null) {
      return; // answered, or given up on, already
    }
    if (r.appended()) {
      long now = clock.nowMicros();
      long at = issued.remove(r.requestId());
      resends.remove(r.requestId());
      recordWrite(issued.removedStatement(), at, now, Outcome.UNKNOWN, 0, 0);
      recorder.writesFailed(1);
      if (plan.closedLoop() && !halted && finder.leaderRef() != null) {
        write();
      }
      return;
    }
    int attempt = resends.merge(r.requestId(), 1, Integer::sum);
    if (!wait) {
      onResend(new Resend(r.requestId()));
    } else {
      ActorRef<Command> self = getContext().getSelf();
      Resend resend = new Resend(r.requestId());
      timer.at(clock.nowMicros() + backOffMicros(attempt), () -> self.tell(resend));
    }
  }

  /** 10 ms, doubling with each attempt, at most 80 ms, so a client finds a new leader soon after it won. */
  private static long backOffMicros(int attempt) {
    return 10_000L << Math.min(attempt - 1, 3);
  }

  private Behavior<Command> onResend(Resend msg) {
    Statement statement = issued.statement(msg.requestId());
    ActorRef<ReplicaNode.Command> leader = finder.leaderRef();
    if (statement == null) {
      resends.remove(msg.requestId());
    } else if (leader != null) {
      leader.tell(new ReplicaNode.ClientWrite(new Write(replies, msg.requestId(), statement)));
    } // else: no node can take it now; the write timeout ends it
    return this;
  }

  private Behavior<Command> onLeaderIs(LeaderIs msg) {
    boolean wasDown = finder.leaderRef() == null;
    String node = msg.leader().path().name();
    finder.up(node, msg.leader(), true);
    if (reads != null) {
      reads.nodeUp(node, msg.leader());
    }
    refill(wasDown);
    return this;
  }

  /** In a closed loop, a client whose writes all failed with its leader starts writing again. */
  private void refill(boolean wasDown) {
    for (int i = 0; wasDown && plan.closedLoop() && !halted && finder.leaderRef() != null
        && i < plan.maxOutstanding(); i++) {
      write();
    }
  }

  private Behavior<Command> onLeaderDown() {
    String node = finder.leader() != null ? finder.leader() : plan.leader();
    int failed = giveUp(Long.MAX_VALUE); // sent before the crash: they may have reached followers
    resends.clear();
    if (failed > 0) {
      recorder.writesFailed(failed);
    }
    finder.down(node);
    if (reads != null) {
      reads.nodeDown(node);
    }
    refill(true);
    return this;
  }

  private Behavior<Command> onFollowerIs(FollowerIs msg) {
    boolean wasDown = finder.leaderRef() == null;
    finder.up(msg.node(), msg.ref(), false);
    if (reads != null) {
      reads.nodeUp(msg.node(), msg.ref());
    }
    refill(wasDown);
    return this;
  }

  private Behavior<Command> onFollowerDown(FollowerDown msg) {
    finder.down(msg.node());
    if (reads != null) {
      reads.nodeDown(msg.node());
    }
    return this;
  }

  private Behavior<Command> onFinish(Finish msg) {
    halted = true;
    giveUp(Long.MAX_VALUE);
    if (reads != null) {
      reads.finish();
    }
    if (plan.history() != null) {
      plan.history().close();
    }
    msg.done().complete(null);
    return this;
  }

  private Behavior<Command> onHalt() {
    halted = true;
    return this;
  }
}
