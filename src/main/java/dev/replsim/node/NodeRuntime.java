package dev.replsim.node;

import dev.replsim.clock.Clock;
import dev.replsim.metrics.NodeTelemetry;
import dev.replsim.protocol.Decision;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.Observation;
import dev.replsim.protocol.ProtocolNode;
import dev.replsim.protocol.Read;
import dev.replsim.protocol.Replica;
import dev.replsim.protocol.TimerKey;
import dev.replsim.protocol.Write;
import dev.replsim.storage.Database;
import java.util.List;
import java.util.function.Consumer;

/**
 * One incarnation of a node, as every driver runs it: its protocol core, its clock, its emulated
 * outbound links, its timers and its journal, and the one place where a {@link Decision} is
 * carried out. It holds no Pekko and no thread: the live {@link ReplicaNode} actor and the
 * virtual driver each hand it inputs in the node's context, one at a time, and give it {@link
 * Ports} to reach the rest of the run. It also takes the faults aimed at its node (a slower
 * apply, a changed or cut link, a skewed clock, a switchover, a new commit rule or replication
 * method); a pause is the driver's to hold.
 */
public final class NodeRuntime {

  /** How a node reaches the rest of its run; each driver implements it. */
  public interface Ports {
    /** Hands {@code envelope} to the running node {@code to}; false when no node of that name runs. */
    boolean send(String to, Envelope envelope);

    /** Takes a timer's firing into the node's context, to come back through {@link #timerFired}. */
    void timerFired(TimerFired fired);

    /** Asks for one {@link #flush()} after the inputs already waiting for this node. */
    void flushSoon();
  }

  private final ProtocolNode core;
  private final NodeWiring wiring;
  private final Clock clock;
  private final NodeTelemetry telemetry;
  private final Outbound out;
  private final CoreTimers timers;
  private final Ports ports;
  /** The durable journal, or null for the memory journal (durable as soon as appended). */
  private final DurableJournal journal;
  private boolean flushPending;

  /**
   * @param journal starts one write of a durable journal, or null for the memory journal
   * @param snapshotInterval entries appended between two snapshots of a durable journal
   */
  public NodeRuntime(ProtocolNode core, NodeWiring wiring, Ports ports, Consumer<List<JournalEvent>> journal,
      long snapshotInterval) {
    this.core = core;
    this.wiring = wiring;
    this.ports = ports;
    this.clock = wiring.timer().clock();
    this.telemetry = wiring.telemetry();
    this.out = new Outbound(wiring.name(), wiring.links(), telemetry, ports::send);
    this.timers = new CoreTimers(wiring.timer(), ports::timerFired);
    this.journal = journal == null ? null : new DurableJournal(journal, snapshotInterval);
  }

  public String name() {
    return wiring.name();
  }

  /** Whether this incarnation crashed: from then on it does nothing. */
  public boolean crashed() {
    return wiring.crashed().get();
  }

  public void start() {
    long now = clock.nowMicros();
    execute(core.start(now), now);
  }

  /**
   * An envelope whose delivery instant has come: handed to the core, unless this node crashed or
   * the message was lost with its crashed sender.
   */
  public void deliver(Envelope envelope) {
    long now = clock.nowMicros();
    if (crashed() || wiring.crashes().lostWithSender(envelope.message().from(), envelope.sentAtMicros(),
        envelope.deliverAtMicros())) {
      telemetry.lostOnArrival();
      return;
    }
    telemetry.delivered(now - envelope.deliverAtMicros());
    execute(core.onMessage(envelope.message(), now), now);
  }

  public void write(Write write) {
    long now = clock.nowMicros();
    execute(core.onWrite(write, now), now);
  }

  public void read(Read read) {
    long now = clock.nowMicros();
    execute(core.onRead(read, now), now);
  }

  /** A timer's firing, in the node's context; one replaced or cancelled since it was set is ignored. */
  public void timerFired(TimerFired fired) {
    if (timers.isCurrent(fired)) {
      long now = clock.nowMicros();
      execute(core.onTimer(fired.key(), fired.dueLocal(), now), now);
    }
  }

  /** The flush asked for through {@link Ports#flushSoon()}. */
  public void flush() {
    flushPending = false;
    long now = clock.nowMicros();
    execute(core.onFlush(now), now);
  }

  /** The durable journal completed a write: the log is durable up to {@code lsn}. */
  public void journalDurable(long lsn) {
    journal.completed();
    long now = clock.nowMicros();
    execute(core.onDurable(lsn, now), now);
  }

  /**
   * The node was paused for {@code pauseMicros} and resumes: the emulated work under way (an
   * entry's apply) ends that much later.
   */
  public void resumed(long pauseMicros) {
    timers.paused(pauseMicros);
  }

  /** A fault aimed at this node; {@link NodeFault.Pause} and {@link NodeFault.Resume} are the driver's. */
  public void fault(NodeFault fault) {
    if (fault instanceof NodeFault.SetApplyTime) {
      if (core instanceof Replica) {
        ((Replica) core).setApplyTime(((NodeFault.SetApplyTime) fault).applyTime());
      }
    } else if (fault instanceof NodeFault.SetLinkProfile) {
      NodeFault.SetLinkProfile p = (NodeFault.SetLinkProfile) fault;
      out.setProfile(p.to(), p.profile());
    } else if (fault instanceof NodeFault.CutLink) {
      NodeFault.CutLink c = (NodeFault.CutLink) fault;
      if (c.cut()) {
        out.link(c.to()).cut();
      } else {
        out.link(c.to()).restore();
      }
    } else if (fault instanceof NodeFault.SetClockSkew) {
      core.wallClockOffset(((NodeFault.SetClockSkew) fault).offsetMicros());
    } else if (fault instanceof NodeFault.Switchover s) {
      long now = clock.nowMicros();
      execute(core.onSwitchover(s.to(), now), now);
    } else if (fault instanceof NodeFault.SetCommitPolicy c) {
      long now = clock.nowMicros();
      execute(core.onCommitPolicy(c.policy(), now), now);
    } else if (fault instanceof NodeFault.SetCapture c) {
      core.captureWith(c.capture());
    } // a pause and its end are the driver's to carry out: it holds the node's inputs

  }

  /** When the core's timer {@code key} comes due on the run clock, or null when it is not set (for tests). */
  public Long armedTimer(TimerKey key) {
    return timers.dueLocal(key); // the node's timers run on the monotonic clock: the run's
  }

  public NodeStatus status() {
    return core.status();
  }

  /** The node's database, for end-of-run checks: read it only between inputs. */
  public Database database() {
    return core.database();
  }

  /** Carries out what the core decided; {@code now} is the true time. */
  private void execute(Decision d, long now) {
    if (crashed()) {
      return; // crashed: the driver may still hand it inputs, but the node does nothing more
    }
    // indexed loops and emptiness checks: a decision's lists are of several kinds (an empty List.of(),
    // an ArrayList), so their iterators escape and would be allocated for every input
    List<Observation> observations = d.observations();
    for (int i = 0, n = observations.size(); i < n; i++) {
      Observation o = observations.get(i);
      if (o instanceof Observation.Voted) { // saved before the vote leaves
        Observation.Voted v = (Observation.Voted) o;
        wiring.hardState().save(wiring.name(), v.term(), v.candidate());
      }
      if (o instanceof Observation.BecameLeader) {
        wiring.leadership().elected(wiring.name(), ((Observation.BecameLeader) o).term());
      }
      if (journal != null) {
        journal.observed(o, ((Replica) core)::checkpoint);
      }
      telemetry.observed(wiring.name(), o, now);
    }
    List<Decision.Send> sends = d.sends();
    for (int i = 0, n = sends.size(); i < n; i++) {
      out.transmit(sends.get(i).to(), sends.get(i).message(), now);
    }
    ClientReplies.send(d, wiring.name());
    if (!d.timers().isEmpty()) {
      d.timers().forEach(timers::set);
    }
    List<Entry> persist = d.persist();
    if (journal != null) {
      persistDurably(persist);
    } else if (!persist.isEmpty()) {
      // the memory journal: durable as soon as appended
      execute(core.onDurable(persist.get(persist.size() - 1).lsn(), now), now);
    }
    if (d.flushRequested() && !flushPending) {
      flushPending = true;
      ports.flushSoon();
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
