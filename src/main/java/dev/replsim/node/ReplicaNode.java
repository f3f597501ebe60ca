package dev.replsim.node;

import dev.replsim.clock.RunClock;
import dev.replsim.metrics.Recorder;
import dev.replsim.network.InboundQueue;
import dev.replsim.network.LinkModel;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Decision;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.Observation;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.Read;
import dev.replsim.protocol.TimerKey;
import dev.replsim.protocol.Write;
import dev.replsim.storage.Database;
import dev.replsim.storage.RowChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * The Pekko shell around one node's protocol core. It finds its peers through the cluster
 * Receptionist, sends every message through its outbound {@link LinkModel}s (the emulated
 * network decides the delivery instant), holds arriving messages until that instant, runs the
 * core's timers on the precise timer, and carries out every {@link Decision}. It holds no
 * replication logic of its own.
 */
public final class ReplicaNode extends AbstractBehavior<ReplicaNode.Command> {

  /** Every node registers under this key; a node's actor is named after the node. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "replsim-node");

  /** What a node's actor accepts. */
  public sealed interface Command {}

  /** A protocol message on its way between two nodes, with the delivery instant its link sampled. */
  public record Envelope(long deliverAtMicros, Message message) implements Command, CborSerializable {}

  /** A client's write; the leader answers the client with {@link WriteCommitted}. */
  public record ClientWrite(Write write) implements Command {}

  /** The leader's answer to a client once its write is committed. */
  public record WriteCommitted(long requestId, long lsn, boolean fallback) {}

  /** A client's read of one key; the node answers the client with {@link ReadResult}. */
  public record ClientRead(Read read) implements Command {}

  /** A node's answer to a read: the value (null if absent) and the LSN it reflects. */
  public record ReadResult(long requestId, String key, String value, long lsn) {}

  /** A bounded read-only query of the node's database, run on its thread, for end-of-run checks. */
  public record Inspect<T>(Function<Database, T> query, ActorRef<T> replyTo) implements Command {
    void answer(Database database) {
      replyTo.tell(query.apply(database));
    }
  }

  /** Starts the protocol core; sent by the driver once every node sees every other. */
  public enum Start implements Command { INSTANCE }

  /**
   * Sent by the driver before the run: exchange {@code rounds} round trips with every peer, so
   * that Artery's connections are open and the serialization paths compiled before anything is
   * measured. Completes {@code done} when every peer answered every round.
   */
  public record Warmup(int rounds, CompletableFuture<Void> done) implements Command {}

  /** A warm-up round trip's request, straight over Artery, not through the emulated network. */
  public record Ping(String from, Message sample) implements Command, CborSerializable {}

  /** A warm-up round trip's answer. */
  public record Pong(String from) implements Command, CborSerializable {}

  /** Asks for the node's replication state. */
  public record GetStatus(ActorRef<NodeStatus> replyTo) implements Command {}

  /** One of the core's timers fired; stale generations are ignored. */
  record TimerFired(TimerKey key, long generation) implements Command {}

  private enum DeliverDue implements Command { INSTANCE }

  private enum Flush implements Command { INSTANCE }

  private record PeersChanged(Receptionist.Listing listing) implements Command {}

  private final ProtocolNode core;
  private final NodeWiring wiring;
  private final RunClock clock;
  private final Recorder recorder;
  private final CompletableFuture<Void> ready;
  private final Map<String, ActorRef<Command>> peers = new HashMap<>();
  private final InboundQueue<Message> inbound = new InboundQueue<>();
  private final CoreTimers timers;
  private long deliveryScheduledAt = Long.MAX_VALUE;
  private long warmupPongsAwaited;
  private CompletableFuture<Void> warmupDone;
  private boolean flushPending;

  /**
   * @param ready completed once this node has found every other node
   */
  public static Behavior<Command> create(ProtocolNode core, NodeWiring wiring, CompletableFuture<Void> ready) {
    return Behaviors.setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
      ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, PeersChanged::new);
      ctx.getSystem().receptionist().tell(Receptionist.subscribe(KEY, listings));
      return new ReplicaNode(ctx, core, wiring, ready);
    });
  }

  private ReplicaNode(ActorContext<Command> ctx, ProtocolNode core, NodeWiring wiring, CompletableFuture<Void> ready) {
    super(ctx);
    this.core = core;
    this.wiring = wiring;
    this.clock = wiring.timer().clock();
    this.recorder = wiring.recorder();
    this.ready = ready;
    this.timers = new CoreTimers(wiring.timer(), ctx.getSelf());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Envelope.class, this::onEnvelope)
        .onMessageEquals(DeliverDue.INSTANCE, this::onDeliverDue)
        .onMessage(ClientWrite.class, this::onClientWrite)
        .onMessage(TimerFired.class, this::onTimerFired)
        .onMessageEquals(Flush.INSTANCE, this::onFlush)
        .onMessageEquals(Start.INSTANCE, this::onStart)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(ClientRead.class, this::onClientRead)
        .onMessage(Inspect.class, this::onInspect)
        .onMessage(Warmup.class, this::onWarmup)
        .onMessage(Ping.class, this::onPing)
        .onMessage(Pong.class, this::onPong)
        .onMessage(PeersChanged.class, this::onPeersChanged)
        .build();
  }

  private Behavior<Command> onPeersChanged(PeersChanged msg) {
    for (ActorRef<Command> ref : msg.listing().getServiceInstances(KEY)) {
      peers.put(ref.path().name(), ref);
    }
    if (peers.keySet().containsAll(wiring.nodes())) {
      ready.complete(null);
    }
    return this;
  }

  private Behavior<Command> onStart() {
    long now = clock.nowMicros();
    execute(core.start(now), now);
    return this;
  }

  private Behavior<Command> onEnvelope(Envelope envelope) {
    long now = clock.nowMicros();
    if (inbound.size() == 0 && envelope.deliverAtMicros() <= now) {
      deliver(envelope.deliverAtMicros(), envelope.message(), now);
    } else {
      inbound.offer(envelope.deliverAtMicros(), envelope.message());
      deliverDue();
    }
    return this;
  }

  private Behavior<Command> onDeliverDue() {
    deliveryScheduledAt = Long.MAX_VALUE;
    deliverDue();
    return this;
  }

  /** Hands every message whose delivery instant has come to the core, then waits for the next. */
  private void deliverDue() {
    long now = clock.nowMicros();
    while (inbound.hasDue(now)) {
      long at = inbound.nextDeliveryAt();
      deliver(at, inbound.poll(), now);
      now = clock.nowMicros();
    }
    long next = inbound.nextDeliveryAt();
    if (next != Long.MAX_VALUE && next < deliveryScheduledAt) {
      deliveryScheduledAt = next;
      ActorRef<Command> self = getContext().getSelf();
      wiring.timer().at(next, () -> self.tell(DeliverDue.INSTANCE));
    }
  }

  private void deliver(long deliverAt, Message message, long now) {
    recorder.messageDelivered(now - deliverAt);
    execute(core.onMessage(message, now), now);
  }

  private Behavior<Command> onClientWrite(ClientWrite msg) {
    long now = clock.nowMicros();
    execute(core.onWrite(msg.write(), now), now);
    return this;
  }

  private Behavior<Command> onTimerFired(TimerFired fired) {
    if (timers.isCurrent(fired)) {
      long now = clock.nowMicros();
      execute(core.onTimer(fired.key(), now), now);
    }
    return this;
  }

  private Behavior<Command> onFlush() {
    flushPending = false;
    long now = clock.nowMicros();
    execute(core.onFlush(now), now);
    return this;
  }

  private Behavior<Command> onWarmup(Warmup msg) {
    warmupDone = msg.done();
    warmupPongsAwaited = (long) msg.rounds() * (wiring.nodes().size() - 1);
    if (warmupPongsAwaited == 0) {
      warmupDone.complete(null);
      return this;
    }
    Entry entry = Entry.of(0, 1, new RowChange("k1", "warmup", 64), 0);
    Ping ping = new Ping(wiring.name(), new AppendEntries(0, wiring.name(), List.of(entry)));
    for (int i = 0; i < msg.rounds(); i++) {
      for (String node : wiring.nodes()) {
        if (!node.equals(wiring.name())) {
          peers.get(node).tell(ping);
        }
      }
    }
    return this;
  }

  private Behavior<Command> onPing(Ping ping) {
    peers.get(ping.from()).tell(new Pong(wiring.name()));
    return this;
  }

  private Behavior<Command> onPong(Pong pong) {
    if (--warmupPongsAwaited == 0) {
      warmupDone.complete(null);
    }
    return this;
  }

  private Behavior<Command> onGetStatus(GetStatus msg) {
    msg.replyTo().tell(core.status());
    return this;
  }

  private Behavior<Command> onClientRead(ClientRead msg) {
    long now = clock.nowMicros();
    execute(core.onRead(msg.read(), now), now);
    return this;
  }

  private Behavior<Command> onInspect(Inspect<?> msg) {
    msg.answer(core.database());
    return this;
  }

  /** Carries out what the core decided. */
  private void execute(Decision d, long now) {
    for (Observation o : d.observations()) {
      recorder.observe(wiring.name(), o, now);
    }
    for (Decision.Send s : d.sends()) {
      transmit(s.to(), s.message(), now);
    }
    ClientReplies.send(d);
    d.timers().forEach((key, at) -> timers.set(key, at));
    List<Entry> persist = d.persist();
    if (!persist.isEmpty()) {
      // the memory journal: durable as soon as appended
      execute(core.onDurable(persist.get(persist.size() - 1).lsn(), now), now);
    }
    if (d.flushRequested() && !flushPending) {
      flushPending = true;
      getContext().getSelf().tell(Flush.INSTANCE);
    }
  }

  /** Sends through the emulated link: the link model decides when it will be delivered. */
  private void transmit(String to, Message message, long now) {
    LinkModel link = wiring.outLinks().get(to);
    ActorRef<Command> peer = peers.get(to);
    if (link == null || peer == null) {
      getContext().getLog().warn("{} has no link to {}; message dropped", wiring.name(), to);
      return;
    }
    int size = message.sizeBytes();
    recorder.messageSent(size);
    peer.tell(new Envelope(link.deliveryAt(now, size), message));
  }
}
