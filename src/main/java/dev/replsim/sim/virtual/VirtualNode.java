package dev.replsim.sim.virtual;

import dev.replsim.node.Envelope;
import dev.replsim.node.NodeRuntime;
import dev.replsim.node.TimerFired;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * One incarnation of a node in virtual time: its {@link NodeRuntime}, with the event loop as its
 * mailbox. Every input reaches the runtime through {@link #input}, so a paused node holds its
 * inputs, in order, until it resumes (as the live actor stashes them), and a crashed one drops them.
 */
final class VirtualNode implements NodeRuntime.Ports {

  private final EventLoop loop;
  /** The running incarnation of each node, by name; null for a node that is down. */
  private final Function<String, VirtualNode> running;
  private NodeRuntime runtime;
  private boolean paused;
  private long pausedAt;
  private final ArrayDeque<Runnable> held = new ArrayDeque<>();

  VirtualNode(EventLoop loop, Function<String, VirtualNode> running) {
    this.loop = loop;
    this.running = running;
  }

  /** Attaches the runtime this node's ports serve; once, before any input. */
  void attach(NodeRuntime runtime) {
    this.runtime = runtime;
  }

  NodeRuntime runtime() {
    return runtime;
  }

  /** Hands an input to the runtime now, or holds it while paused; a crashed node drops it. */
  void input(Runnable handler) {
    if (runtime.crashed()) {
      return;
    }
    if (paused) {
      held.add(handler);
    } else {
      handler.run();
    }
  }

  /** An input that reaches this node after what is already due now, as a message to an actor would. */
  void post(Runnable handler) {
    loop.execute(() -> input(handler));
  }

  void pause() {
    if (!paused) {
      paused = true;
      pausedAt = loop.nowMicros();
    }
  }

  /** Ends a pause: the work under way ends the pause's length later, and what was held is handled in order. */
  void resume() {
    if (!paused || runtime.crashed()) {
      return;
    }
    paused = false;
    runtime.resumed(loop.nowMicros() - pausedAt);
    while (!paused && !held.isEmpty()) {
      input(held.poll());
    }
  }

  @Override
  public boolean send(String to, Envelope envelope) {
    VirtualNode target = running.apply(to);
    if (target == null) {
      return false;
    }
    loop.at(envelope.deliverAtMicros(), new Delivery(target, envelope));
    return true;
  }

  /** An envelope reaching its node at its instant (a class, not nested lambdas: one per message). */
  private record Delivery(VirtualNode target, Envelope envelope) implements Runnable {
    @Override
    public void run() {
      if (target.paused) {
        target.input(() -> target.runtime.deliver(envelope));
      } else if (!target.runtime.crashed()) {
        target.runtime.deliver(envelope);
      }
    }
  }

  @Override
  public void timerFired(TimerFired fired) {
    input(() -> runtime.timerFired(fired));
  }

  @Override
  public void flushSoon() {
    post(runtime::flush);
  }
}
