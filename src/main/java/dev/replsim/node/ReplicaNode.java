package dev.replsim.node;

import dev.replsim.metrics.Recorder;
import dev.replsim.network.InboundQueue;
import dev.replsim.network.Transmission;
import dev.replsim.protocol.Decision;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.Observation;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.Read;
import dev.replsim.protocol.Replica;
import dev.replsim.protocol.TimerKey;
import dev.replsim.protocol.Write;
import dev.replsim.storage.Database;
import java.util.HashSet;
import java.util.List;
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
 * The Pekko shell around one node's protocol core. It finds its peers through the cluster
 * Receptionist, sends every message through its emulated outbound links, holds arriving messages
 * until their delivery instant, runs the core's timers on the run's loop, and carries out every
 * {@link Decision}. It also takes the faults aimed at its node: a pause, a slower apply, a changed
 * or cut link, a skewed clock. It holds no replication logic of its own.
 */
public final class ReplicaNode extends AbstractBehavior<ReplicaNode.Command> {

  /** The Receptionist key of a run's nodes; a node's actor is named after the node. */
  public static final String SERVICE = "replsim-node";

  /** Messages stashed while paused; a pause of seconds at a high write rate fits. */
  private static final int PAUSE_CAPACITY = 10_000_000;

  /** What a node's actor accepts; the faults aimed at a node are {@link NodeFault}s. */
  public sealed interface Command
      permits Envelope, ClientWrite, ClientRead, Inspect, Start, GetStatus, Warmup, Ping, Pong, TimerFired,
          DeliverDue, Flush, PeersChanged, NodeFault, JournalDurable {}

  /** A protocol message on its way between two nodes, with the delivery instant its link sampled. */
  public record Envelope(long sentAtMicros, long deliverAtMicros, Message message) implements Command, CborSerializable {}

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

  /** One of the core's timers fired, set for {@code dueLocal} on the node's clock; stale generations are ignored. */
  record TimerFired(TimerKey key, long generation, long dueLocal) implements Command {}

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
  private final ProtocolNode core;
  private final NodeWiring wiring;
  private final LocalClock clock;
  private final Recorder recorder;
  private final Outbound out;
  private final Set<String> awaitPeers;
  private final CompletableFuture<Void> ready;
  private final StashBuffer<Command> paused;
  private final InboundQueue<Envelope> inbound = new InboundQueue<>();
  private final CoreTimers timers;
  private long deliveryScheduledAt = Long.MAX_VALUE;
  private boolean flushPending;
  private final WarmupRounds warmup = new WarmupRounds();
  /** The durable journal, or null for the memory journal (durable as soon as appended). */
  private final DurableJournal journal;

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
    this.core = core;
    this.wiring = wiring;
    this.clock = new LocalClock(wiring.timer().clock());
    this.recorder = wiring.recorder();
    this.out = new Outbound(wiring.name(), wiring.outLinks(), recorder);
    this.awaitPeers = Set.copyOf(awaitPeers);
    this.ready = ready;
    this.timers = new CoreTimers(wiring.timer(), clock, ctx.getSelf());
    this.journal = journal == null ? null
        : new DurableJournal(journal.journal(), ctx.getSelf(), journal.snapshotInterval());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Envelope.class, this::onEnvelope)
        .onMessageEquals(DeliverDue.INSTANCE, this::onDeliverDue)
        .onMessage(ClientWrite.class, this::onClientWrite)
        .onMessage(TimerFired.class, this::onTimerFired)
        .onMessageEquals(Flush.INSTANCE, this::onFlush)
        .onMessage(JournalDurable.class, this::onJournalDurable)
        .onMessageEquals(NodeFault.Pause.INSTANCE, this::onPause)
        .onMessage(NodeFault.SetApplyTime.class, this::onSetApplyTime)
        .onMessage(NodeFault.SetLinkProfile.class, this::onSetLinkProfile)
        .onMessage(NodeFault.CutLink.class, this::onCutLink)
        .onMessage(NodeFault.SetClockSkew.class, this::onSetClockSkew)
        .onMessage(NodeFault.Switchover.class, this::onSwitchover)
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
    out.peersListed(msg.listing().getServiceInstances(key), members);
    if (out.knowsAll(awaitPeers)) {
      ready.complete(null);
    }
    return this;
  }

  private Behavior<Command> onStart() {
    long now = clock.trueNow();
    execute(core.start(clock.local(now)), now);
    return this;
  }

  private Behavior<Command> onEnvelope(Envelope envelope) {
    long now = clock.trueNow();
    if (inbound.size() == 0 && envelope.deliverAtMicros() <= now) {
      deliver(envelope, now);
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

  /** Hands every message whose delivery instant has come to the core, then waits for the next. */
  private void deliverDue() {
    long now = clock.trueNow();
    while (inbound.hasDue(now)) {
      deliver(inbound.poll(), now);
      now = clock.trueNow();
    }
    long next = inbound.nextDeliveryAt();
    if (next != Long.MAX_VALUE && next < deliveryScheduledAt) {
      deliveryScheduledAt = next;
      ActorRef<Command> self = getContext().getSelf();
      wiring.timer().at(next, () -> self.tell(DeliverDue.INSTANCE));
    }
  }

  private void deliver(Envelope envelope, long now) {
    Message message = envelope.message();
    if (wiring.crashed().get() || wiring.crashes().lostWithSender(message.from(), envelope.sentAtMicros(),
        envelope.deliverAtMicros())) {
      recorder.network().dropped(Transmission.Fate.LOST);
      return;
    }
    recorder.network().delivered(now - envelope.deliverAtMicros());
    execute(core.onMessage(message, clock.local(now)), now);
  }

  private Behavior<Command> onClientWrite(ClientWrite msg) {
    long now = clock.trueNow();
    execute(core.onWrite(msg.write(), clock.local(now)), now);
    return this;
  }

  private Behavior<Command> onTimerFired(TimerFired fired) {
    if (timers.isCurrent(fired)) {
      long now = clock.trueNow();
      execute(core.onTimer(fired.key(), fired.dueLocal(), clock.local(now)), now);
    }
    return this;
  }

  private Behavior<Command> onFlush() {
    flushPending = false;
    long now = clock.trueNow();
    execute(core.onFlush(clock.local(now)), now);
    return this;
  }

  private Behavior<Command> onJournalDurable(JournalDurable msg) {
    journal.completed();
    long now = clock.trueNow();
    execute(core.onDurable(msg.lsn(), clock.local(now)), now);
    return this;
  }

  // ---- faults ----

  /**
   * Stops handling anything until resumed; what arrives meanwhile waits, in order. The emulated
   * work under way (an entry's apply) resumes where it stopped, so it ends the pause's length later.
   */
  private Behavior<Command> onPause() {
    long pausedAt = clock.trueNow();
    return Behaviors.receive(Command.class)
        .onMessageEquals(NodeFault.Resume.INSTANCE, () -> {
          timers.paused(clock.trueNow() - pausedAt);
          return paused.unstashAll(this);
        })
        .onAnyMessage(msg -> {
          paused.stash(msg);
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<Command> onSetApplyTime(NodeFault.SetApplyTime msg) {
    if (core instanceof Replica) {
      ((Replica) core).setApplyTime(msg.applyTime());
    }
    return this;
  }

  private Behavior<Command> onSwitchover(NodeFault.Switchover msg) {
    long now = clock.trueNow();
    execute(core.onSwitchover(msg.to(), clock.local(now)), now);
    return this;
  }

  private Behavior<Command> onSetLinkProfile(NodeFault.SetLinkProfile msg) {
    out.setProfile(msg.to(), msg.profile());
    return this;
  }

  private Behavior<Command> onCutLink(NodeFault.CutLink msg) {
    if (msg.cut()) {
      out.link(msg.to()).cut();
    } else {
      out.link(msg.to()).restore();
    }
    return this;
  }

  private Behavior<Command> onSetClockSkew(NodeFault.SetClockSkew msg) {
    clock.skew(msg.offsetMicros());
    return this;
  }

  // ---- infrastructure ----

  private Behavior<Command> onGetStatus(GetStatus msg) {
    msg.replyTo().tell(core.status());
    return this;
  }

  private Behavior<Command> onWarmup(Warmup msg) {
    warmup.start(msg, out, getContext().getSelf(), wiring.name());
    return this;
  }

  private Behavior<Command> onPing(Ping ping) {
    ping.replyTo().tell(new Pong(wiring.name()));
    return this;
  }

  private Behavior<Command> onPong(Pong pong) {
    warmup.pong();
    return this;
  }

  private Behavior<Command> onClientRead(ClientRead msg) {
    long now = clock.trueNow();
    execute(core.onRead(msg.read(), clock.local(now)), now);
    return this;
  }

  private Behavior<Command> onInspect(Inspect<?> msg) {
    msg.answer(core.database());
    return this;
  }

  /** Carries out what the core decided; {@code now} is the true time. */
  private void execute(Decision d, long now) {
    if (wiring.crashed().get()) {
      return; // crashed: its system is still shutting down, but the node does nothing more
    }
    for (Observation o : d.observations()) {
      if (o instanceof Observation.Voted) { // saved before the vote leaves
        Observation.Voted v = (Observation.Voted) o;
        wiring.hardState().save(wiring.name(), v.term(), v.candidate());
      }
      if (journal != null) {
        journal.observed(o, ((Replica) core)::checkpoint);
      }
      recorder.observe(wiring.name(), o, now);
    }
    for (Decision.Send s : d.sends()) {
      out.transmit(s.to(), s.message(), now);
    }
    ClientReplies.send(d, wiring.name());
    d.timers().forEach(timers::set);
    List<Entry> persist = d.persist();
    if (journal != null) {
      persistDurably(persist);
    } else if (!persist.isEmpty()) {
      // the memory journal: durable as soon as appended
      execute(core.onDurable(persist.get(persist.size() - 1).lsn(), clock.local(now)), now);
    }
    if (d.flushRequested() && !flushPending) {
      flushPending = true;
      getContext().getSelf().tell(Flush.INSTANCE);
    }
  }

  /** Queues the entries for the durable journal, a snapshot when one is due, and writes if it can. */
  private void persistDurably(List<Entry> persist) {
    if (!persist.isEmpty()) {
      journal.append(persist);
      if (journal.snapshotDue()) {
        journal.snapshot(((Replica) core).checkpoint(), false);
      }
    }
    journal.flush();
  }
}
