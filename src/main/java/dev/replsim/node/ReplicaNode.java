package dev.replsim.node;

import dev.replsim.protocol.Message;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.Read;
import dev.replsim.protocol.Write;
import dev.replsim.network.InboundQueue;
import dev.replsim.storage.Database;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The Pekko shell around one node's {@link NodeRuntime}: it finds its peers through the cluster
 * Receptionist and sends them envelopes over Artery, holds arriving messages until their delivery
 * instant, takes the core's timers and journal writes into its mailbox, and holds everything it
 * is sent while the node is paused. The runtime carries out every decision; this actor holds no
 * replication logic of its own.
 */
public final class ReplicaNode extends AbstractBehavior<ReplicaNode.Command> {

  /** The Receptionist key of a run's nodes; a node's actor is named after the node. */
  public static final String SERVICE = "replsim-node";

  /** Messages stashed while paused; a pause of seconds at a high write rate fits. */
  private static final int PAUSE_CAPACITY = 10_000_000;

  /** What a node's actor accepts; the faults aimed at a node are {@link NodeFault}s. */
  public sealed interface Command
      permits Envelope, ClientWrite, ClientRead, Inspect, Start, GetStatus, Warmup, Ping, Pong, TimerDue,
          DeliverDue, Flush, PeersChanged, NodeFault, JournalDurable {}

  /** A client's write; the leader answers the client with a {@link ClientReplies.WriteReply}. */
  public record ClientWrite(Write write) implements Command {}

  /** A client's read of one key; the node answers the client with a {@link ClientReplies.ReadResult}. */
  public record ClientRead(Read read) implements Command {}


  /** A bounded read-only query of the node's database, run on its thread, for end-of-run checks. */
  public record Inspect<T>(Function<Database, T> query, ActorRef<T> replyTo) implements Command {
    void answer(Database database) {
      replyTo.tell(query.apply(database));
    }
  }

  /** Starts the protocol core; sent by the driver once every node sees every other. */
  public enum Start implements Command { INSTANCE }

  /** Asks for the node's replication state. */
  public record GetStatus(ActorRef<NodeStatus> replyTo) implements Command {}

  /**
   * Sent by the driver before the run: exchange {@code rounds} round trips with every peer, so
   * that Artery's connections are open and the serialization paths compiled before anything is
   * measured. Completes {@code done} when every peer answered every round.
   */
  public record Warmup(int rounds, Set<String> peers, CompletableFuture<Void> done) implements Command {}

  /**
   * A warm-up round trip's request, straight over Artery, not through the emulated network. It
   * carries its sender's reference: a peer's Receptionist listing may still name a node's crashed
   * incarnation when the new one warms up.
   */
  public record Ping(ActorRef<Command> replyTo, Message sample) implements Command, CborSerializable {}

  /** A warm-up round trip's answer. */
  public record Pong(String from) implements Command, CborSerializable {}

  /** One of the core's timers fired. */
  private record TimerDue(TimerFired fired) implements Command {}

  /** The node's {@link Journal} completed a write: its log is durable up to {@code lsn}. */
  record JournalDurable(long lsn) implements Command {}

  /**
   * A node's durable journal, for {@link #create(ProtocolNode, NodeWiring, Set, CompletableFuture,
   * JournalLink)}: the journal actor, and how many entries the node appends between snapshots.
   */
  public record JournalLink(ActorRef<Journal.Command> journal, long snapshotInterval) {}

  private enum DeliverDue implements Command { INSTANCE }

  private enum Flush implements Command { INSTANCE }

  private record PeersChanged(Receptionist.Listing listing) implements Command {}

  /** The Receptionist key this node and its peers register under. */
  private final ServiceKey<Command> key;
  private final NodeRuntime node;
  private final Peers peers = new Peers();
  private final Set<String> awaitPeers;
  private final CompletableFuture<Void> ready;
  private final StashBuffer<Command> paused;
  private final InboundQueue<Envelope> inbound = new InboundQueue<>();
  private final NodeWiring wiring;
  private long deliveryScheduledAt = Long.MAX_VALUE;
  private final WarmupRounds warmup = new WarmupRounds();

  /**
   * @param awaitPeers the nodes this one must see before it is ready (those up when it starts)
   * @param ready completed once this node has found them all
   */
  public static Behavior<Command> create(ProtocolNode core, NodeWiring wiring, Set<String> awaitPeers,
      CompletableFuture<Void> ready) {
    return create(core, wiring, awaitPeers, ready, null);
  }

  /** A node whose log is kept by a durable {@link Journal}; {@code journal} null for the memory journal. */
  public static Behavior<Command> create(ProtocolNode core, NodeWiring wiring, Set<String> awaitPeers,
      CompletableFuture<Void> ready, JournalLink journal) {
    return Behaviors.withStash(PAUSE_CAPACITY, stash -> Behaviors.setup(ctx -> {
      ServiceKey<Command> key = ServiceKey.create(Command.class, wiring.service());
      ctx.getSystem().receptionist().tell(Receptionist.register(key, ctx.getSelf()));
      ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, PeersChanged::new);
      ctx.getSystem().receptionist().tell(Receptionist.subscribe(key, listings));
      return new ReplicaNode(ctx, stash, key, core, wiring, awaitPeers, ready, journal);
    }));
  }

  private ReplicaNode(ActorContext<Command> ctx, StashBuffer<Command> stash, ServiceKey<Command> key,
      ProtocolNode core, NodeWiring wiring, Set<String> awaitPeers, CompletableFuture<Void> ready,
      JournalLink journal) {
    super(ctx);
    this.paused = stash;
    this.key = key;
    this.wiring = wiring;
    this.awaitPeers = Set.copyOf(awaitPeers);
    this.ready = ready;
    ActorRef<Command> self = ctx.getSelf();
    NodeRuntime.Ports ports = new NodeRuntime.Ports() {
      @Override
      public boolean send(String to, Envelope envelope) {
        return peers.send(to, envelope);
      }

      @Override
      public void timerFired(TimerFired fired) {
        self.tell(new TimerDue(fired));
      }

      @Override
      public void flushSoon() {
        self.tell(Flush.INSTANCE);
      }
    };
    this.node = new NodeRuntime(core, wiring, ports,
        journal == null ? null : events -> journal.journal().tell(new Journal.Write(events, self)),
        journal == null ? 0 : journal.snapshotInterval());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Envelope.class, this::onEnvelope)
        .onMessageEquals(DeliverDue.INSTANCE, this::onDeliverDue)
        .onMessage(ClientWrite.class, msg -> {
          node.write(msg.write());
          return this;
        })
        .onMessage(TimerDue.class, msg -> {
          node.timerFired(msg.fired());
          return this;
        })
        .onMessageEquals(Flush.INSTANCE, () -> {
          node.flush();
          return this;
        })
        .onMessage(JournalDurable.class, msg -> {
          node.journalDurable(msg.lsn());
          return this;
        })
        .onMessageEquals(NodeFault.Pause.INSTANCE, this::onPause)
        .onMessage(NodeFault.class, fault -> same(() -> node.fault(fault)))
        .onMessageEquals(Start.INSTANCE, () -> same(node::start))
        .onMessage(GetStatus.class, msg -> same(() -> msg.replyTo().tell(node.status())))
        .onMessage(ClientRead.class, msg -> {
          node.read(msg.read());
          return this;
        })
        .onMessage(Inspect.class, msg -> same(() -> msg.answer(node.database())))
        .onMessage(Warmup.class, msg -> same(() -> warmup.start(msg, peers, getContext().getSelf(), wiring.name())))
        .onMessage(Ping.class, ping -> same(() -> ping.replyTo().tell(new Pong(wiring.name()))))
        .onMessage(Pong.class, pong -> same(warmup::pong))
        .onMessage(PeersChanged.class, this::onPeersChanged)
        .build();
  }

  /** Runs a handler of a rare message (the frequent ones are handled inline, allocating nothing). */
  private Behavior<Command> same(Runnable handler) {
    handler.run();
    return this;
  }

  /**
   * Takes the Receptionist's listing, without the nodes' crashed incarnations: a crashed node is
   * downed at once, but its registration lingers until the Receptionist prunes it, seconds later,
   * beside the registration of its next incarnation under the same name.
   */
  private Behavior<Command> onPeersChanged(PeersChanged msg) {
    Set<Address> members = new HashSet<>();
    Cluster.get(getContext().getSystem()).state().getMembers().forEach(m -> {
      if (m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp()) {
        members.add(m.address());
      }
    });
    peers.listed(msg.listing().getServiceInstances(key), members);
    if (peers.knowsAll(awaitPeers)) {
      ready.complete(null);
    }
    return this;
  }

  private Behavior<Command> onEnvelope(Envelope envelope) {
    long now = wiring.timer().clock().nowMicros();
    if (inbound.size() == 0 && envelope.deliverAtMicros() <= now) {
      node.deliver(envelope);
    } else {
      inbound.offer(envelope.deliverAtMicros(), envelope);
      deliverDue();
    }
    return this;
  }

  private Behavior<Command> onDeliverDue() {
    deliveryScheduledAt = Long.MAX_VALUE;
    deliverDue();
    return this;
  }

  /** Hands every message whose delivery instant has come to the node, then waits for the next. */
  private void deliverDue() {
    while (inbound.hasDue(wiring.timer().clock().nowMicros())) {
      node.deliver(inbound.poll());
    }
    long next = inbound.nextDeliveryAt();
    if (next != Long.MAX_VALUE && next < deliveryScheduledAt) {
      deliveryScheduledAt = next;
      ActorRef<Command> self = getContext().getSelf();
      wiring.timer().at(next, () -> self.tell(DeliverDue.INSTANCE));
    }
  }

  /**
   * Stops handling anything until resumed; what arrives meanwhile waits, in order. The emulated
   * work under way (an entry's apply) resumes where it stopped, so it ends the pause's length later.
   */
  private Behavior<Command> onPause() {
    long pausedAt = wiring.timer().clock().nowMicros();
    return Behaviors.receive(Command.class)
        .onMessageEquals(NodeFault.Resume.INSTANCE, () -> {
          node.resumed(wiring.timer().clock().nowMicros() - pausedAt);
          return paused.unstashAll(this);
        })
        .onAnyMessage(msg -> {
          paused.stash(msg);
          return Behaviors.same();
        })
        .build();
  }
}
