package dev.replsim.protocol;

import dev.replsim.node.Envelope;
import dev.replsim.node.JournalEvent;
import dev.replsim.node.JournalState;
import dev.replsim.node.NodeRuntime;
import dev.replsim.node.NodeWiring;
import dev.replsim.node.TimerFired;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One incarnation of a node in a {@link ProtocolHarness}: the product's {@link NodeRuntime} around
 * the core, which carries out every decision, and the ports through which it reaches the
 * harness's event loop, as the virtual driver's {@code VirtualNode} does. Its journal is the
 * runtime's durable-journal port: a write takes the node's journal delay; with none, it completes
 * right after the input that started it, before the node's next input, as the memory journal
 * makes entries durable at once.
 */
final class HarnessNode implements NodeRuntime.Ports {

  private final ProtocolHarness harness;
  private final HarnessLoop loop;
  private final ProtocolNode core;
  private final String name;
  private final AtomicBoolean crashed = new AtomicBoolean();
  private final NodeRuntime runtime;
  /** What the journal wrote, as the live and virtual journals keep it; it goes with the incarnation. */
  private JournalState written = JournalState.EMPTY;
  /** A journal write that takes no time, completed once the input that started it is done. */
  private List<JournalEvent> instantWrite;

  /** @param wiring the node's wiring, given the switch that marks it crashed */
  HarnessNode(ProtocolHarness harness, HarnessLoop loop, ProtocolNode core,
      Function<AtomicBoolean, NodeWiring> wiring) {
    this.harness = harness;
    this.loop = loop;
    this.core = core;
    this.name = core.name();
    this.runtime = new NodeRuntime(core, wiring.apply(crashed), this, this::write, Long.MAX_VALUE);
  }

  ProtocolNode core() {
    return core;
  }

  NodeRuntime runtime() {
    return runtime;
  }

  boolean crashed() {
    return crashed.get();
  }

  /** Whether a timer is armed that is not background work: an apply, a commit or read timeout. */
  boolean busy() {
    for (TimerKey key : TimerKey.values()) {
      if (!HarnessLoop.BACKGROUND.contains(key) && runtime.armedTimer(key) != null) {
        return true;
      }
    }
    return false;
  }

  /** From now on the incarnation does nothing: its timers, messages and journal writes come to nothing. */
  void crash() {
    crashed.set(true);
  }

  /** Hands an input to the runtime, then completes the journal writes that take no time; a crashed node drops it. */
  void input(Runnable handler) {
    if (crashed()) {
      return;
    }
    handler.run();
    while (instantWrite != null && !crashed()) {
      List<JournalEvent> events = instantWrite;
      instantWrite = null;
      runtime.journalDurable(store(events));
    }
  }

  @Override
  public boolean send(String to, Envelope envelope) {
    return harness.transmit(name, to, envelope);
  }

  @Override
  public void timerFired(TimerFired fired) {
    loop.timerFired(fired.key(), () -> input(() -> runtime.timerFired(fired)));
  }

  @Override
  public void flushSoon() {
    loop.schedule(loop.now(), () -> input(runtime::flush));
  }

  /** Starts one journal write, which takes the node's journal delay; lost if the node crashes meanwhile. */
  private void write(List<JournalEvent> events) {
    long delay = harness.journalDelay(name);
    if (delay == 0) {
      instantWrite = events;
      return;
    }
    loop.schedule(loop.now() + delay, () -> input(() -> runtime.journalDurable(store(events))));
  }

  /** Writes the events; returns the LSN the log is now durable up to. */
  private long store(List<JournalEvent> events) {
    for (JournalEvent e : events) {
      written = written.apply(e);
    }
    return written.lastLsn();
  }
}
