package dev.replsim.protocol;

import dev.replsim.metrics.Recorder;
import dev.replsim.node.Crashes;
import dev.replsim.node.HardState;
import dev.replsim.node.NodeFault;
import dev.replsim.node.NodeWiring;
import dev.replsim.scenario.Scenario;
import dev.replsim.storage.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives protocol nodes in virtual time, deterministically, for tests, on the product's own
 * machinery: the virtual driver's event loop is its clock and queue ({@link HarnessLoop}), and
 * each node runs in a {@link dev.replsim.node.NodeRuntime} ({@link HarnessNode}), which carries
 * out every {@link Decision}: sends through the node's emulated links (FIFO), timers that a new
 * setting replaces, a skewed local clock, one flush for many requests, its journal, its votes and
 * its observations. What the harness adds is the test's view: client inputs at chosen instants
 * ({@link HarnessClient}), the {@link SimulatedNetwork}'s delays and per-message rules, and lists
 * of what happened.
 *
 * <p>A node's journal makes entries durable after its journal delay (see {@link HarnessNode});
 * with the default of 0, right after the input that persisted them, before any other input.
 * Events at the same instant run in the order they were queued, so a run depends only on the
 * test's inputs. A skewed node stamps with its own wall clock (its timers keep the monotonic one); everything recorded here is
 * stamped with the true time, as a driver's recorder is.
 */
final class ProtocolHarness {

  /** A write's answer, with the times the leader received and answered it. */
  record Answer(long writtenAt, long answeredAt, WriteOutcome outcome) {
    long latency() {
      return answeredAt - writtenAt;
    }
  }

  /** A read's answer, with the times it was sent and answered. */
  record ReadAnswer(long readAt, long answeredAt, ReadOutcome outcome) {}

  /** An observation, stamped with the node that made it and the time. */
  record Observed(long at, String node, Observation observation) {}

  /** The client handle every write and read carries, as the outcomes show it. */
  static final String CLIENT = "client";

  private final HarnessLoop loop = new HarnessLoop();
  /** What the nodes were built from, or null for nodes a test built itself. */
  private final Scenario scenario;
  private final List<String> members;
  private final Recorder recorder;
  private final HardState hardState;
  /** When each node crashed: what it had sent and not delivered is lost with it, as in a run. */
  private final Crashes crashes = new Crashes();
  private final Map<String, HarnessNode> nodes = new LinkedHashMap<>();
  private final Map<String, Long> incarnations = new HashMap<>();
  private final SimulatedNetwork network;
  private final Map<String, Long> journalDelays = new HashMap<>();
  private final Map<String, Long> clockOffsets = new HashMap<>();
  private final List<Observed> observed = new ArrayList<>();
  private final HarnessClient client;

  /** A harness for these nodes (added now or later; each has a link to each other), keeping their votes itself. */
  ProtocolHarness(List<String> members) {
    this(null, members, HardState.inMemory());
  }

  /**
   * A harness for the nodes of {@code scenario}, those added mid-run among them.
   *
   * @param hardState where the nodes save their votes, kept across their restarts
   */
  ProtocolHarness(Scenario scenario, HardState hardState) {
    this(scenario, scenario.allNodes(), hardState);
  }

  private ProtocolHarness(Scenario scenario, List<String> members, HardState hardState) {
    this.scenario = scenario;
    this.members = List.copyOf(members);
    this.recorder = new Recorder(members.get(0), members.subList(1, members.size()));
    this.hardState = hardState;
    this.network = new SimulatedNetwork(members);
    this.client = new HarnessClient(loop, recorder, node -> node == null ? leader() : nodes.get(node));
    recorder.listen((node, o, at) -> observed.add(new Observed(at, node, o)));
  }

  /** Adds a node and starts it at the current time; a node of the same name replaces a crashed one. */
  ProtocolHarness add(ProtocolNode core) {
    String name = core.name();
    if (!members.contains(name)) {
      throw new IllegalArgumentException(name + " is not one of the harness's nodes " + members);
    }
    if (nodes.containsKey(name)) {
      throw new IllegalStateException(name + " runs already: crash it first");
    }
    long incarnation = incarnations.merge(name, 1L, Long::sum);
    HarnessNode node = new HarnessNode(this, loop, core, crashed -> wiring(name, incarnation, crashed));
    nodes.put(name, node);
    Long offset = clockOffsets.get(name);
    if (offset != null) {
      node.runtime().fault(new NodeFault.SetClockSkew(offset));
    }
    node.input(node.runtime()::start);
    return this;
  }

  private NodeWiring wiring(String name, long incarnation, AtomicBoolean crashed) {
    return new NodeWiring(name, members, network.linksFrom(name, incarnation), loop.scheduler(), recorder.telemetry(), hardState,
        crashed, crashes, "");
  }

  /** Skews the node's clock (this incarnation's and the next ones'): it reads the true time plus {@code micros}. */
  ProtocolHarness clockOffset(String node, long micros) {
    clockOffsets.put(node, micros);
    HarnessNode n = nodes.get(node);
    if (n != null) {
      n.runtime().fault(new NodeFault.SetClockSkew(micros));
    }
    return this;
  }

  /**
   * Crashes a node now: it does nothing more, what it sent and the network had not delivered is
   * lost, and messages to it are lost until a new incarnation is {@link #add added} under its name.
   */
  ProtocolHarness crash(String name) {
    HarnessNode n = nodes.remove(name);
    if (n != null) {
      n.crash();
      crashes.crashed(name, now());
      recorder.nodeDown(name, now());
    }
    return this;
  }

  SimulatedNetwork network() {
    return network;
  }

  /** How long the node's journal takes to write, from its next write on. */
  ProtocolHarness journalDelay(String node, long micros) {
    journalDelays.put(node, micros);
    return this;
  }

  long journalDelay(String node) {
    return journalDelays.getOrDefault(node, 0L);
  }

  /** The run's recorder: every node's observations, the network's counts, the clients' writes. */
  Recorder recorder() {
    return recorder;
  }

  /** What the nodes were built from: for a harness a {@link TestCluster} made, else null. */
  Scenario scenario() {
    return scenario;
  }

  // ---- inputs and running ----

  /** Schedules a client's {@code SET key = 'value'} to the leader at {@code at}; returns its request id. */
  long write(long at, String key, String value) {
    return write(at, new Statement.Assign(key, value, value.length()));
  }

  /** Schedules a client statement to the leader at {@code at}; returns its request id. */
  long write(long at, Statement statement) {
    return client.request(at, null, true, id -> n -> n.runtime().write(new Write(client, id, statement)));
  }

  /** Schedules a client's {@code SET key = 'value'} to {@code node} at {@code at}, whatever its role. */
  long writeTo(long at, String node, String key, String value) {
    Statement s = new Statement.Assign(key, value, value.length());
    return client.request(at, node, true, id -> n -> n.runtime().write(new Write(client, id, s)));
  }

  /** Schedules a planned switchover on {@code node} at {@code at}. */
  void switchover(long at, String node, String target) {
    client.request(at, node, false, id -> n -> n.runtime().fault(new NodeFault.Switchover(target)));
  }

  /** Tells {@code node} of {@code fault} at {@code at}, as the fault injector would. */
  void fault(long at, String node, NodeFault fault) {
    client.request(at, node, false, id -> n -> n.runtime().fault(fault));
  }

  /** Schedules a client's read of {@code key} on {@code node} at {@code at}; returns its request id. */
  long read(long at, String node, String key) {
    return read(at, node, key, LogPosition.ORIGIN, 0);
  }

  /**
   * Schedules a session's read of {@code key} on {@code node} at {@code at}, asking for a state at
   * least as new as {@code after} and willing to wait {@code maxWaitMicros} for it; returns its
   * request id.
   */
  long read(long at, String node, String key, LogPosition after, long maxWaitMicros) {
    return client.request(at, node, false, id -> n -> n.runtime().read(new Read(client, id, key, after, maxWaitMicros)));
  }

  /** Schedules a client's read of {@code key} meant for the leader ({@link Read#leaderOnly}) on {@code node}. */
  long leaderRead(long at, String node, String key) {
    return client.request(at, node, false,
        id -> n -> n.runtime().read(new Read(client, id, key, LogPosition.ORIGIN, 0, true)));
  }

  /** Whether the read has been answered yet. */
  boolean answered(long readId) {
    return client.answered(readId);
  }

  /** Runs every event up to and including {@code time}, then sets the clock to it. */
  void runUntil(long time) {
    loop.runUntil(time);
  }

  /**
   * Runs until nothing but heartbeats and the work they cause is left to do, then finishes the
   * instant it stopped at.
   */
  void runUntilIdle() {
    loop.runUntilIdle(() -> nodes.values().stream().anyMatch(HarnessNode::busy));
  }

  /**
   * Carries an envelope the sender's link let through to the node running under that name now;
   * false when it goes nowhere.
   */
  boolean transmit(String from, String to, dev.replsim.node.Envelope envelope) {
    return network.carry(from, to, nodes.get(to), envelope, loop);
  }

  // ---- what happened ----

  long now() {
    return loop.now();
  }

  /** The running node's core, or for a {@link Replica}, the {@link Leader} or {@link Follower} it plays. */
  <T extends ProtocolNode> T node(String name, Class<T> type) {
    ProtocolNode core = nodes.get(name).core();
    if (core instanceof Replica r && !type.isInstance(core)) {
      return type.cast(type == Leader.class ? r.leader() : r.follower());
    }
    return type.cast(core);
  }

  NodeStatus status(String name) {
    return nodes.get(name).runtime().status();
  }

  List<NodeStatus> statuses() {
    return nodes.values().stream().map(n -> n.runtime().status()).toList();
  }

  /** When the node's timer {@code key} will fire, or null if it is not armed. */
  Long armedTimer(String node, TimerKey key) {
    return nodes.get(node).runtime().armedTimer(key);
  }

  /** Every message sent so far of this type, dropped ones included. */
  List<Envelope> sent(Class<? extends Message> type) {
    return network.sent(type);
  }

  List<Answer> answers() {
    return client.answers();
  }

  /** Writes refused: sent to a node that did not lead, or when none did. */
  List<Redirect> redirects() {
    return client.redirects();
  }

  /** Every observation so far, in order. */
  List<Observed> observed() {
    return List.copyOf(observed);
  }

  /** The names of the running nodes. */
  List<String> running() {
    return List.copyOf(nodes.keySet());
  }

  ReadAnswer readAnswer(long requestId) {
    return client.readAnswer(requestId);
  }

  Answer answer(long requestId) {
    return client.answer(requestId);
  }

  /** The node's observations of this type, in the order they were made. */
  List<Observed> observed(String node, Class<? extends Observation> type) {
    return observed.stream()
        .filter(o -> o.node().equals(node) && type.isInstance(o.observation())).toList();
  }

  /** The running node that leads (the first, if several think they do), or null. */
  private HarnessNode leader() {
    return nodes.values().stream().filter(n -> n.runtime().status().role() == NodeStatus.Role.LEADER)
        .findFirst().orElse(null);
  }

  /** The name of the running node that leads, or null. */
  String leaderName() {
    HarnessNode leader = leader();
    return leader == null ? null : leader.core().name();
  }
}
