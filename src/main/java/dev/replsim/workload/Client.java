package dev.replsim.workload;

import dev.replsim.clock.RunLoop;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.LogPosition;
import dev.replsim.storage.Statement;
import java.time.Duration;
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
 * its {@link ArrivalProcess} (open loop: it does not wait for answers), every one of them before
 * the run's end however late its timer, and none after; at an unlimited rate it
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

  /**
   * The run's writes are over: a closed loop stops issuing writes, and read-after-write probes
   * stop (open-loop arrivals end by themselves at the run's end); answers to outstanding ones are
   * still recorded.
   */
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

  private record Replied(ClientReplies.WriteReply reply) implements Command {}

  /** Sends a redirected write again, to whichever node leads by then. */
  private record Resend(long requestId) implements Command {}

  private record Answered(ClientReplies.ReadResult reply) implements Command {}

  private record Probe(String key) implements Command {}

  private final ClientPlan plan;
  private final RunLoop timer;
  private final RunClock clock;
  private final ClientReads reads;
  private final LeaderFinder finder;
  private final ClientWrites writes;
  private final OpenLoop openLoop;

  /** @param nodes every node's actor by name, the leader's among them */
  public static Behavior<Command> create(ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      RunLoop timer, Recorder recorder) {
    return create(plan, nodes, timer, recorder, new CompletableFuture<>());
  }

  /**
   * @param arrivalsIssued completed once the client has issued the last write and read its arrival
   *     processes draw (at once in a closed loop), so the run can wait for every one of them
   */
  public static Behavior<Command> create(ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      RunLoop timer, Recorder recorder, CompletableFuture<Void> arrivalsIssued) {
    return Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Expire.INSTANCE, EXPIRY_CHECK);
      return Behaviors.setup(ctx -> new Client(ctx, plan, nodes, timer, recorder, arrivalsIssued));
    });
  }

  private Client(ActorContext<Command> ctx, ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      RunLoop timer, Recorder recorder, CompletableFuture<Void> arrivalsIssued) {
    super(ctx);
    this.plan = plan;
    ActorRef<Command> me = ctx.getSelf();
    this.openLoop = new OpenLoop(plan.arrivals(), plan.reads() == null ? null : plan.reads().arrivals(), timer,
        () -> me.tell(Arrive.INSTANCE), () -> me.tell(ReadArrive.INSTANCE), arrivalsIssued);
    this.finder = new LeaderFinder(plan.leader(), nodes, plan.failover());
    this.timer = timer;
    this.clock = timer.clock();
    ActorRef<Command> self = ctx.getSelf();
    this.writes = new ClientWrites(plan, clock, recorder, ctx.messageAdapter(ClientReplies.WriteReply.class,
        Replied::new), finder, (at, id) -> timer.at(at, () -> self.tell(new Resend(id))));
    ClientPlan.ReadPlan r = plan.reads();
    this.reads = r == null ? null : new ClientReads(r.router(), r.session(), r.sessionTimeoutMicros(), clock,
        recorder.reads(), plan.history(), ctx.messageAdapter(ClientReplies.ReadResult.class, Answered::new), nodes);
    if (reads != null) {
      finder.onLearnt(reads::leaderIs);
    }
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
        writes.write(); // each fails at once if no leader is up
      }
    }
    openLoop.begin();
    return this;
  }

  private Behavior<Command> onArrive() {
    writes.write();
    openLoop.nextWrite();
    return this;
  }

  private Behavior<Command> onReplied(Replied msg) {
    if (msg.reply() instanceof ClientReplies.WriteRedirected) {
      writes.redirected((ClientReplies.WriteRedirected) msg.reply());
      return this;
    }
    ClientReplies.WriteCommitted reply = (ClientReplies.WriteCommitted) msg.reply();
    Statement statement = writes.committed(reply);
    if (statement != null && reads != null) {
      reads.wrote(new LogPosition(reply.term(), reply.lsn()));
      long delay = plan.reads().probeDelayMicros();
      if (delay >= 0 && !writes.halted() && statement instanceof Statement.Assign) {
        ActorRef<Command> self = getContext().getSelf();
        Probe probe = new Probe(((Statement.Assign) statement).key());
        timer.at(clock.nowMicros() + delay, () -> self.tell(probe));
      }
    }
    return this;
  }

  private Behavior<Command> onResend(Resend msg) {
    writes.resend(msg.requestId());
    return this;
  }

  private Behavior<Command> onReadArrive() {
    reads.read(plan.reads().keys().next(), false);
    openLoop.nextRead();
    return this;
  }

  private Behavior<Command> onProbe(Probe probe) {
    if (!writes.halted()) {
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
    writes.giveUp(cutoff);
    return this;
  }

  private Behavior<Command> onLeaderIs(LeaderIs msg) {
    String node = msg.leader().path().name();
    finder.up(node, msg.leader(), true);
    if (reads != null) {
      reads.nodeUp(node, msg.leader());
    }
    writes.fill();
    return this;
  }

  private Behavior<Command> onLeaderDown() {
    String node = finder.leader() != null ? finder.leader() : plan.leader();
    finder.down(node);
    writes.giveUp(Long.MAX_VALUE); // sent before the crash: they may have reached followers
    if (reads != null) {
      reads.nodeDown(node);
    }
    writes.fill(); // with failover, to the next guess
    return this;
  }

  private Behavior<Command> onFollowerIs(FollowerIs msg) {
    finder.up(msg.node(), msg.ref(), false);
    if (reads != null) {
      reads.nodeUp(msg.node(), msg.ref());
    }
    writes.fill();
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
    writes.halt();
    writes.giveUp(Long.MAX_VALUE);
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
    writes.halt();
    return this;
  }
}
