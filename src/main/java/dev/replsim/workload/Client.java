package dev.replsim.workload;

import dev.replsim.clock.Clock;
import dev.replsim.clock.RunLoop;
import dev.replsim.clock.Scheduler;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.Read;
import dev.replsim.protocol.Write;
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
 * The live shell of one {@link ClientProcess}: an actor beside the nodes that reaches each node
 * through its current actor, takes the nodes' answers and the client's timers into its mailbox,
 * and learns from the driver which nodes go down and come back (with their new references).
 */
public final class Client extends AbstractBehavior<Client.Command> {

  /** What a client accepts. */
  public sealed interface Command {}

  /** Starts writing. */
  public enum Begin implements Command { INSTANCE }

  /** The run's writes are over ({@link ClientProcess#halt()}). */
  public enum Halt implements Command { INSTANCE }

  /** From now on, writes go to this leader (it restarted, or another node leads). */
  public record LeaderIs(ActorRef<ReplicaNode.Command> leader) implements Command {}

  /** The leader's process is gone ({@link ClientProcess#leaderDown()}). */
  public enum LeaderDown implements Command { INSTANCE }

  /** A follower's process is gone: reads waiting for it fail, and no read goes there. */
  public record FollowerDown(String node) implements Command {}

  /** A follower runs again (restarted): reads may go to it again. */
  public record FollowerIs(String node, ActorRef<ReplicaNode.Command> ref) implements Command {}

  /** The workload changes mid-run ({@link ClientProcess#change}). */
  public record Change(WorkloadChange change) implements Command {}

  /** The run is over ({@link ClientProcess#finish()}); {@code done} completes then. */
  public record Finish(CompletableFuture<Void> done) implements Command {}

  /** One of the client's timers came due. */
  private record Run(Runnable task) implements Command {}

  private record Replied(ClientReplies.WriteReply reply) implements Command {}

  private record Answered(ClientReplies.ReadResult reply) implements Command {}

  private final ClientProcess process;
  /** Each running node's actor, by name, as the driver last told. */
  private final Map<String, ActorRef<ReplicaNode.Command>> nodes;

  /** @param nodes every node's actor by name, the leader's among them */
  public static Behavior<Command> create(ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      RunLoop timer, Recorder recorder) {
    return create(plan, nodes, timer, recorder, new CompletableFuture<>());
  }

  /** @param arrivalsIssued see {@link ClientProcess#ClientProcess} */
  public static Behavior<Command> create(ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      RunLoop timer, Recorder recorder, CompletableFuture<Void> arrivalsIssued) {
    return Behaviors.setup(ctx -> new Client(ctx, plan, nodes, timer, recorder, arrivalsIssued));
  }

  private Client(ActorContext<Command> ctx, ClientPlan plan, Map<String, ActorRef<ReplicaNode.Command>> nodes,
      RunLoop loop, Recorder recorder, CompletableFuture<Void> arrivalsIssued) {
    super(ctx);
    this.nodes = new HashMap<>(nodes);
    ActorRef<Command> self = ctx.getSelf();
    Scheduler context = new Scheduler() {
      @Override
      public Clock clock() {
        return loop.clock();
      }

      @Override
      public Timer at(long atMicros, Runnable task) {
        return loop.at(atMicros, () -> self.tell(new Run(task)));
      }
    };
    NodeAccess access = new NodeAccess() {
      @Override
      public void write(String node, Write write) {
        tell(node, new ReplicaNode.ClientWrite(write));
      }

      @Override
      public void read(String node, Read read) {
        tell(node, new ReplicaNode.ClientRead(read));
      }
    };
    ClientReplies.Recipient replies = new ClientReplies.Recipient() {
      @Override
      public void written(ClientReplies.WriteReply reply) {
        self.tell(new Replied(reply));
      }

      @Override
      public void read(ClientReplies.ReadResult result) {
        self.tell(new Answered(result));
      }
    };
    this.process = new ClientProcess(plan, nodes.keySet(), context, access, replies, recorder, arrivalsIssued);
  }

  private void tell(String node, ReplicaNode.Command command) {
    ActorRef<ReplicaNode.Command> ref = nodes.get(node);
    if (ref != null) {
      ref.tell(command);
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Run.class, msg -> same(msg.task()))
        .onMessage(Replied.class, msg -> {
          process.writeReplied(msg.reply());
          return this;
        })
        .onMessage(Answered.class, msg -> {
          process.readReplied(msg.reply());
          return this;
        })
        .onMessage(LeaderIs.class, msg -> same(() -> {
          String node = msg.leader().path().name();
          nodes.put(node, msg.leader());
          process.leaderIs(node);
        }))
        .onMessageEquals(LeaderDown.INSTANCE, () -> same(process::leaderDown))
        .onMessage(FollowerIs.class, msg -> same(() -> {
          nodes.put(msg.node(), msg.ref());
          process.followerIs(msg.node());
        }))
        .onMessage(FollowerDown.class, msg -> same(() -> process.followerDown(msg.node())))
        .onMessageEquals(Begin.INSTANCE, () -> same(process::begin))
        .onMessageEquals(Halt.INSTANCE, () -> same(process::halt))
        .onMessage(Change.class, msg -> same(() -> process.change(msg.change())))
        .onMessage(Finish.class, msg -> same(() -> {
          process.finish();
          msg.done().complete(null);
        }))
        .build();
  }

  private Behavior<Command> same(Runnable handler) {
    handler.run();
    return this;
  }
}
