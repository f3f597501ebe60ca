package dev.replsim.node;

import dev.replsim.protocol.Recovery;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.RecoveryFailed;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * A node's durable journal: an {@link EventSourcedBehavior} that persists the events its node's
 * protocol core decided (through Pekko Persistence, on the JDBC plugin's database) and answers
 * each write with the LSN now durable. On start it recovers (last snapshot, then the events after
 * it) and hands what it holds to whoever builds the node's core.
 *
 * <p>It is an actor of its own beside the node's, not the node itself: an event-sourced actor
 * stashes its commands while a write is in flight, and a database's WAL flush does not stop its
 * network thread, so the node goes on receiving, shipping and acking while its journal writes.
 */
public final class Journal extends EventSourcedBehavior<Journal.Command, JournalEvent, JournalState> {

  /** What a journal accepts. */
  public sealed interface Command {}

  /**
   * Persists {@code events} in order, atomically, then tells {@code replyTo} the LSN durable
   * ({@link ReplicaNode.JournalDurable}).
   */
  public record Write(List<JournalEvent> events, ActorRef<ReplicaNode.Command> replyTo) implements Command {}

  private final CompletableFuture<Recovery> recovered;

  private Journal(PersistenceId id, CompletableFuture<Recovery> recovered) {
    super(id);
    this.recovered = recovered;
  }

  /** Where a journal runs: beside the run loop, on a thread of its own (see replsim-node.conf). */
  public static final Props DISPATCHER = DispatcherSelector.fromConfig("replsim.journal-dispatcher");

  /**
   * The journal of one node's incarnation: {@code persistenceId} names what it recovers and
   * writes; {@code recovered} completes once recovery has finished (exceptionally if it failed).
   */
  public static Behavior<Command> create(String persistenceId, CompletableFuture<Recovery> recovered) {
    return Behaviors.setup(ctx -> new Journal(PersistenceId.ofUniqueId(persistenceId), recovered));
  }

  @Override
  public JournalState emptyState() {
    return JournalState.EMPTY;
  }

  @Override
  public CommandHandler<Command, JournalEvent, JournalState> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Write.class, (state, write) -> Effect().persist(write.events())
            .thenRun(now -> write.replyTo().tell(new ReplicaNode.JournalDurable(now.lastLsn()))))
        .build();
  }

  @Override
  public EventHandler<JournalState, JournalEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(JournalState::apply);
  }

  @Override
  public SignalHandler<JournalState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> recovered.complete(state.recovery()))
        .onSignal(RecoveryFailed.class, (state, failed) -> recovered.completeExceptionally(failed.getFailure()))
        .build();
  }

  /** A snapshot of the whole state each time the node checkpoints: recovery starts from it. */
  @Override
  public boolean shouldSnapshot(JournalState state, JournalEvent event, long sequenceNr) {
    return event instanceof JournalEvent.SnapshotTaken;
  }

  @Override
  public SnapshotAdapter<JournalState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(JournalState state) {
        return state.save();
      }

      @Override
      public JournalState fromJournal(Object from) {
        return JournalState.restore((JournalState.Saved) from);
      }
    };
  }
}
