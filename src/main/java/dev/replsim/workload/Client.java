package dev.replsim.workload;

import dev.replsim.clock.PreciseTimer;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.Write;
import java.time.Duration;
import dev.replsim.storage.Statement;
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
 * crashed, a sync follower is gone) counts as failed.
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

  private enum Arrive implements Command { INSTANCE }

  private enum Expire implements Command { INSTANCE }

  private record Committed(ReplicaNode.WriteCommitted reply) implements Command {}

  /** How a client writes: when, to which keys, and what statements. */
  public record Plan(
      String name, ArrivalProcess arrivals, KeyChooser keys, int valueBytes, int maxOutstanding,
      StatementChooser statements,
      long writeTimeoutMicros) {

    /** A closed-loop plan: no arrival process, as fast as the leader answers. */
    public boolean closedLoop() {
      return arrivals == null;
    }
  }

  private final Plan plan;
  private final PreciseTimer timer;
  private final RunClock clock;
  private final Recorder recorder;
  private final ActorRef<ReplicaNode.WriteCommitted> replies;
  private final IssuedWrites issued = new IssuedWrites();
  private ActorRef<ReplicaNode.Command> leader;
  private long nextRequestId = 1;
  private boolean halted;

  public static Behavior<Command> create(Plan plan, ActorRef<ReplicaNode.Command> leader, PreciseTimer timer,
      Recorder recorder) {
    return Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Expire.INSTANCE, EXPIRY_CHECK);
      return Behaviors.setup(ctx -> new Client(ctx, plan, leader, timer, recorder));
    });
  }

  private Client(ActorContext<Command> ctx, Plan plan, ActorRef<ReplicaNode.Command> leader, PreciseTimer timer,
      Recorder recorder) {
    super(ctx);
    this.plan = plan;
    this.leader = leader;
    this.timer = timer;
    this.clock = timer.clock();
    this.recorder = recorder;
    this.replies = ctx.messageAdapter(ReplicaNode.WriteCommitted.class, Committed::new);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Arrive.INSTANCE, this::onArrive)
        .onMessage(Committed.class, this::onCommitted)
        .onMessageEquals(Expire.INSTANCE, this::onExpire)
        .onMessage(LeaderIs.class, this::onLeaderIs)
        .onMessageEquals(LeaderDown.INSTANCE, this::onLeaderDown)
        .onMessageEquals(Begin.INSTANCE, this::onBegin)
        .onMessageEquals(Halt.INSTANCE, this::onHalt)
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
    if (leader == null) {
      recorder.writeIssued();
      recorder.writesFailed(1);
      return;
    }
    long id = nextRequestId++;
    String value = plan.name() + "-" + id;
    issued.add(id, clock.nowMicros());
    recorder.writeIssued();
    Statement statement = plan.statements().next(plan.keys().next(), value, plan.valueBytes());
    leader.tell(new ReplicaNode.ClientWrite(new Write(replies, id, statement)));
  }

  private Behavior<Command> onCommitted(Committed msg) {
    long at = issued.remove(msg.reply().requestId());
    if (at >= 0) {
      long now = clock.nowMicros();
      recorder.writeCommitted(now - at, msg.reply().term(), msg.reply().lsn(), now);
      if (plan.closedLoop() && !halted && leader != null) {
        write();
      }
    }
    return this;
  }

  private Behavior<Command> onExpire() {
    int expired = issued.expireSentBefore(clock.nowMicros() - plan.writeTimeoutMicros());
    if (expired > 0) {
      recorder.writesFailed(expired);
      for (int i = 0; plan.closedLoop() && !halted && leader != null && i < expired; i++) {
        write();
      }
    }
    return this;
  }

  private Behavior<Command> onLeaderIs(LeaderIs msg) {
    boolean wasDown = leader == null;
    leader = msg.leader();
    for (int i = 0; wasDown && plan.closedLoop() && !halted && i < plan.maxOutstanding(); i++) {
      write();
    }
    return this;
  }

  private Behavior<Command> onLeaderDown() {
    leader = null;
    int failed = issued.expireSentBefore(Long.MAX_VALUE);
    if (failed > 0) {
      recorder.writesFailed(failed);
    }
    return this;
  }

  private Behavior<Command> onHalt() {
    halted = true;
    return this;
  }
}
