package dev.replsim.sim.virtual;

import dev.replsim.metrics.Recorder;
import dev.replsim.node.NodeFault;
import dev.replsim.node.NodeRuntime;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.Recovery;
import dev.replsim.random.DurationSampler;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.Incarnations;
import dev.replsim.sim.NodeFactory;
import dev.replsim.sim.RunCluster;
import dev.replsim.storage.Database;
import dev.replsim.workload.ClientPlan;
import dev.replsim.workload.WorkloadChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The nodes of a virtual run: each a {@link VirtualNode} on the one event loop, built by the same
 * {@link NodeFactory} and kept through their lives by the same {@link Incarnations} as a live
 * run's, with a {@link VirtualJournal} per node for a durable journal. A crash is instant and a
 * restart takes no time: the node recovers its journal and starts at the fault's instant. Who
 * leads is what the nodes say of themselves ({@link dev.replsim.node.Leadership}), as in a live run.
 */
public final class VirtualCluster implements RunCluster {

  private final Scenario scenario;
  private final NodeFactory factory;
  private final Recorder recorder;
  private final EventLoop loop;
  private final Pace pace;
  private final Incarnations lives;
  private final VirtualClients clients;
  private final Map<String, VirtualNode> running = new LinkedHashMap<>();
  private final Map<String, VirtualJournal> journals = new LinkedHashMap<>();
  private final Map<String, AtomicBoolean> crashSwitches = new LinkedHashMap<>();
  /** When the cores start: t = 0. */
  private long startMicros;
  private boolean sampling;

  public VirtualCluster(Scenario scenario, NodeFactory factory, Recorder recorder, EventLoop loop) {
    this(scenario, factory, recorder, loop, Pace.UNPACED);
  }

  /** A cluster whose waits for an instant go at {@code pace} (the classroom dashboard's). */
  public VirtualCluster(Scenario scenario, NodeFactory factory, Recorder recorder, EventLoop loop, Pace pace) {
    this.pace = pace;
    this.scenario = scenario;
    this.factory = factory;
    this.recorder = recorder;
    this.loop = loop;
    this.lives = new Incarnations(scenario, factory, recorder);
    this.clients = new VirtualClients(loop, recorder, running::get);
    for (String node : scenario.nodes()) {
      spawn(node);
    }
  }

  /** Builds the node's next incarnation, recovering its journal, and lists it as running. */
  private Incarnations.Start spawn(String node) {
    boolean durable = scenario.cluster().durable();
    VirtualJournal journal = durable ? journals.computeIfAbsent(node, n -> new VirtualJournal(loop)) : null;
    Recovery recovery = durable ? journal.recover() : null;
    Incarnations.Start start = lives.next(node, leader(), recovery);
    AtomicBoolean crashed = new AtomicBoolean();
    crashSwitches.put(node, crashed);
    VirtualNode v = new VirtualNode(loop, running::get);
    DurationSampler writeTime = durable ? scenario.cluster().journalWriteTime()
        .sampler(factory.streams().stream("journal:" + node + ":" + start.incarnation())) : null;
    v.attach(new NodeRuntime(start.core(), factory.wiring(node, start.incarnation(), loop, recorder, crashed, ""),
        v, durable ? journal.writer(v, writeTime) : null, scenario.cluster().snapshotInterval()));
    running.put(node, v);
    return start;
  }

  @Override
  public EventLoop scheduler() {
    return loop;
  }

  @Override
  public String driver() {
    return "virtual";
  }

  @Override
  public double rehearse() {
    return 0; // nothing to warm up: virtual time does not depend on the JIT compiler
  }

  @Override
  public void startCores(long atMicros) {
    startMicros = atMicros;
    loop.at(atMicros, () -> running.values().forEach(n -> n.input(n.runtime()::start)));
  }

  @Override
  public void startClients(List<ClientPlan> plans) {
    clients.start(plans, running.keySet());
  }

  @Override
  public void beginClients() {
    // at t = 0, right after the cores start, not now (just before): a closed loop writes at once
    loop.at(startMicros, () -> clients.forEach(c -> c.begin()));
  }

  @Override
  public void haltClients() {
    clients.forEach(c -> c.halt());
  }

  @Override
  public boolean arrivalsIssued() {
    return clients.arrivalsIssued();
  }

  @Override
  public void finishClients() {
    clients.forEach(c -> c.finish());
  }

  @Override
  public void awaitInstant(long atMicros) {
    pace.advance(loop, atMicros);
  }

  /** The loop runs on this thread: only the pace can return early, and the demo's stop tells it to. */
  @Override
  public void awaitInstant(long atMicros, CompletionStage<?> orStop) {
    pace.advance(loop, atMicros);
  }

  @Override
  public void sampleEvery(long periodMicros, Runnable task) {
    sampling = true;
    sampleAt(loop.nowMicros() + periodMicros, periodMicros, task);
  }

  private void sampleAt(long dueMicros, long periodMicros, Runnable task) {
    loop.at(dueMicros, () -> {
      if (sampling) {
        task.run();
        sampleAt(dueMicros + periodMicros, periodMicros, task);
      }
    });
  }

  @Override
  public void stopSampling() {
    sampling = false;
  }

  @Override
  public NodeStatus status(String node) {
    VirtualNode v = running.get(node);
    return v == null ? null : v.runtime().status();
  }

  @Override
  public Object inspect(String node, Function<Database, ?> query) {
    return query.apply(running.get(node).runtime().database());
  }

  @Override
  public String leader() {
    return factory.leadership().leader();
  }

  @Override
  public List<String> running() {
    List<String> up = new ArrayList<>();
    for (String node : scenario.allNodes()) {
      if (running.containsKey(node)) {
        up.add(node);
      }
    }
    return up;
  }

  @Override
  public List<String> crashed() {
    return lives.down(running::containsKey);
  }

  @Override
  public void crash(String node) {
    boolean wasLeader = node.equals(leader());
    crashSwitches.get(node).set(true);
    running.remove(node);
    lives.crashed(node, loop.nowMicros());
    clients.nodeDown(node, wasLeader);
  }

  /** Starts the node's next incarnation at once, from what its journal holds, and records it. */
  @Override
  public void restart(String node) {
    long now = loop.nowMicros();
    Incarnations.Start start = spawn(node);
    lives.started(start, now, 0, now);
    VirtualNode v = running.get(node);
    v.input(v.runtime()::start);
    lives.running(start, now);
    if (!start.first()) { // clients read from the cluster's followers; an added one is not among them
      clients.nodeUp(node, start.leadsAgain());
    }
  }

  @Override
  public void awaitRestarts() {
    // a restart is instant in virtual time
  }

  @Override
  public void wipe(String node) {
    lives.wipe(node);
    VirtualJournal journal = journals.get(node);
    if (journal != null) {
      journal.wipe();
    }
  }

  @Override
  public void tell(String node, NodeFault fault) {
    VirtualNode v = running.get(node);
    if (v == null) {
      return;
    }
    if (fault == NodeFault.Pause.INSTANCE) {
      v.pause();
    } else if (fault == NodeFault.Resume.INSTANCE) {
      v.resume();
    } else {
      v.input(() -> v.runtime().fault(fault));
    }
  }

  @Override
  public void faultStruck(String action, List<String> nodes) {
    recorder.faultStruck(action, nodes, loop.nowMicros());
  }

  @Override
  public void changeWorkload(WorkloadChange change) {
    clients.forEach(c -> loop.execute(() -> c.change(change)));
  }
}
