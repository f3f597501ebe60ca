package dev.replsim.protocol;

import dev.replsim.storage.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Drives protocol nodes in virtual time, deterministically, for tests: it owns the nodes, one
 * clock and one queue of events (deliveries, timers, flushes, journal callbacks, client writes),
 * and carries out every {@link Decision} the way a real driver does.
 *
 * <ul>
 *   <li>A message arrives when the {@link SimulatedNetwork} says: after its link's delay, FIFO,
 *       unless a rule drops, duplicates or delays it.
 *   <li>Persisted entries become durable after the node's journal delay; with the default of 0,
 *       right after the input that persisted them, before any other input (as Pekko Persistence
 *       runs the persist callback before the next command).
 *   <li>A timer fires at its time; setting it again replaces it, a null time cancels it.
 *   <li>A flush runs once, at the current time, after the events already queued for that time.
 * </ul>
 *
 * <p>Events at the same time run in the order they were queued, so a run depends only on the
 * test's inputs. A node may have a skewed clock: it is handed the true time plus its offset, and
 * its timers are set on its own clock, while everything recorded here is stamped with the true
 * time, as a live driver's recorder does.
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

  /**
   * Heartbeats re-arm forever, so they and the work they cause (deliveries, acks, resends) are
   * background: they alone do not keep {@link #runUntilIdle} running.
   */
  private record Event(long at, long seq, boolean background, Runnable action) {}

  private final Map<String, ProtocolNode> nodes = new LinkedHashMap<>();
  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
  private final SimulatedNetwork network = new SimulatedNetwork();
  private final Map<String, Long> journalDelays = new HashMap<>();
  private final Map<String, Event> journalTails = new HashMap<>();
  private final Map<String, Map<TimerKey, Event>> timers = new HashMap<>();
  private final Map<String, Event> flushes = new HashMap<>();
  private final List<Envelope> sent = new ArrayList<>();
  private final List<Answer> answers = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private final List<ReadAnswer> readAnswers = new ArrayList<>();
  private final Map<Long, Long> readAt = new HashMap<>();
  private final Map<String, Long> clockOffsets = new HashMap<>();
  private final List<Observed> observed = new ArrayList<>();
  private final Map<Long, Long> writtenAt = new HashMap<>();
  private final java.util.Set<String> everKnown = new java.util.HashSet<>();
  private long now;
  private long seq;
  private int busy;
  private boolean inBackground;
  private long nextRequestId = 1;

  /** Adds a node and starts it at the current time; a node of the same name replaces a crashed one. */
  ProtocolHarness add(ProtocolNode node) {
    nodes.put(node.name(), node);
    everKnown.add(node.name());
    carryOut(node, node.start(local(node)));
    return this;
  }

  /** Skews the node's clock: from now on it reads the true time plus {@code micros}. */
  ProtocolHarness clockOffset(String node, long micros) {
    clockOffsets.put(node, micros);
    return this;
  }

  /** The time on the node's own clock. */
  private long local(ProtocolNode node) {
    return now + clockOffsets.getOrDefault(node.name(), 0L);
  }

  /**
   * Crashes a node now: it handles nothing more, its timers and pending work vanish, and messages
   * to it are lost until a new incarnation is {@link #add added} under its name.
   */
  ProtocolHarness crash(String name) {
    nodes.remove(name);
    Map<TimerKey, Event> armed = timers.remove(name);
    if (armed != null) {
      armed.values().forEach(this::unqueue);
    }
    Event flush = flushes.remove(name);
    if (flush != null) {
      unqueue(flush);
    }
    return this;
  }

  /** Whether this object is the running incarnation of its node (not a crashed one). */
  private boolean alive(ProtocolNode node) {
    return nodes.get(node.name()) == node;
  }

  SimulatedNetwork network() {
    return network;
  }

  /** How long the node's journal takes to make entries durable. */
  ProtocolHarness journalDelay(String node, long micros) {
    journalDelays.put(node, micros);
    return this;
  }

  // ---- inputs and running ----

  /** Schedules a client's {@code SET key = 'value'} to the leader at {@code at}; returns its request id. */
  long write(long at, String key, String value) {
    return write(at, new Statement.Assign(key, value, value.length()));
  }

  /** Schedules a client statement to the leader at {@code at}; returns its request id. */
  long write(long at, Statement statement) {
    if (at < now) {
      throw new IllegalArgumentException("write at " + at + "us is before now, " + now + "us");
    }
    long id = nextRequestId++;
    schedule(at, false, () -> {
      writtenAt.put(id, now);
      ProtocolNode leader = leader();
      if (leader == null) {
        redirects.add(new Redirect("client", id, null, false)); // no leader: unavailable
        return;
      }
      carryOut(leader, leader.onWrite(new Write("client", id, statement), local(leader)));
    });
    return id;
  }

  /** Schedules a client's {@code SET key = 'value'} to {@code node} at {@code at}, whatever its role. */
  long writeTo(long at, String node, String key, String value) {
    long id = nextRequestId++;
    schedule(at, false, () -> {
      writtenAt.put(id, now);
      ProtocolNode n = nodes.get(node);
      if (n != null) {
        carryOut(n, n.onWrite(new Write("client", id, new Statement.Assign(key, value, value.length())), local(n)));
      }
    });
    return id;
  }

  /** Schedules a planned switchover on {@code node} at {@code at}. */
  void switchover(long at, String node, String target) {
    schedule(at, false, () -> {
      ProtocolNode n = nodes.get(node);
      if (n != null) {
        carryOut(n, n.onSwitchover(target, local(n)));
      }
    });
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
    long id = nextRequestId++;
    schedule(at, false, () -> {
      readAt.put(id, now);
      ProtocolNode n = nodes.get(node);
      carryOut(n, n.onRead(new Read("client", id, key, after, maxWaitMicros), local(n)));
    });
    return id;
  }

  /** Whether the read has been answered yet. */
  boolean answered(long readId) {
    return readAnswers.stream().anyMatch(a -> a.outcome().requestId() == readId);
  }

  /** Runs every event up to and including {@code time}, then sets the clock to it. */
  void runUntil(long time) {
    while (!queue.isEmpty() && queue.peek().at() <= time) {
      step();
    }
    now = Math.max(now, time);
  }

  /** Runs until nothing but heartbeats and the work they cause is left to do. */
  void runUntilIdle() {
    for (int steps = 0; busy > 0; steps++) {
      if (steps == 10_000_000) {
        throw new IllegalStateException("still busy at " + now + "us: a livelock?");
      }
      step();
    }
  }

  private void step() {
    Event e = queue.poll();
    if (!e.background()) {
      busy--;
    }
    now = e.at();
    inBackground = e.background();
    e.action().run();
    inBackground = false;
  }

  /** Queues an event; it is background if it is a heartbeat or caused by background work. */
  private Event schedule(long at, boolean heartbeat, Runnable action) {
    return enqueue(new Event(at, seq++, heartbeat || inBackground, action));
  }

  private Event enqueue(Event e) {
    queue.add(e);
    if (!e.background()) {
      busy++;
    }
    return e;
  }

  private void unqueue(Event e) {
    if (queue.remove(e) && !e.background()) {
      busy--;
    }
  }

  // ---- carrying out a decision ----

  private void carryOut(ProtocolNode node, Decision d) {
    String name = node.name();
    d.observations().forEach(o -> observed.add(new Observed(now, name, o)));
    d.outcomes().forEach(o -> answers.add(new Answer(writtenAt.get(o.requestId()), now, o)));
    redirects.addAll(d.redirects());
    d.reads().forEach(r -> readAnswers.add(new ReadAnswer(readAt.get(r.requestId()), now, r)));
    d.sends().forEach(s -> send(new Envelope(name, s.to(), s.message(), now)));
    d.timers().forEach((key, at) -> setTimer(node, key, at));
    if (!d.persist().isEmpty()) {
      journal(node, d.persist().get(d.persist().size() - 1).lsn());
    }
    if (d.flushRequested()) {
      flush(node);
    }
  }

  /** Queues one flush; a queued one already runs after this input, and now on its behalf too. */
  private void flush(ProtocolNode node) {
    Event queued = flushes.get(node.name());
    if (queued == null) {
      flushes.put(node.name(), schedule(now, false, () -> {
        flushes.remove(node.name());
        if (alive(node)) {
          carryOut(node, node.onFlush(local(node)));
        }
      }));
    } else if (queued.background() && !inBackground) {
      unqueue(queued);
      Event foreground = new Event(queued.at(), queued.seq(), false, queued.action());
      flushes.put(node.name(), enqueue(foreground));
    }
  }

  private void send(Envelope e) {
    sent.add(e);
    if (!everKnown.contains(e.to())) {
      throw new IllegalStateException(e.from() + " sent to unknown node " + e.to());
    }
    for (long at : network.arrivals(e)) {
      schedule(at, false, () -> {
        ProtocolNode to = nodes.get(e.to()); // whoever runs under that name on arrival; none if crashed
        if (to != null) {
          carryOut(to, to.onMessage(e.message(), local(to)));
        }
      });
    }
  }

  private void setTimer(ProtocolNode node, TimerKey key, Long at) {
    Map<TimerKey, Event> armed =
        timers.computeIfAbsent(node.name(), n -> new EnumMap<>(TimerKey.class));
    Event old = armed.remove(key);
    if (old != null) {
      unqueue(old);
    }
    if (at != null) {
      // the node set it on its own clock
      long trueAt = at - clockOffsets.getOrDefault(node.name(), 0L);
      boolean background = key == TimerKey.HEARTBEAT || key == TimerKey.ELECTION || key == TimerKey.LEASE;
      armed.put(key, schedule(trueAt, background, () -> {
        armed.remove(key);
        if (alive(node)) {
          carryOut(node, node.onTimer(key, at, local(node)));
        }
      }));
    }
  }

  /** The journal is FIFO: a node's entries become durable in the order they were persisted. */
  private void journal(ProtocolNode node, long lastLsn) {
    long delay = journalDelays.getOrDefault(node.name(), 0L);
    Event tail = journalTails.get(node.name());
    boolean writing = tail != null && queue.contains(tail);
    if (delay == 0 && !writing) {
      carryOut(node, node.onDurable(lastLsn, local(node))); // before any other input, as Pekko does
      return;
    }
    long at = Math.max(now + delay, writing ? tail.at() : now);
    journalTails.put(node.name(), schedule(at, false, () -> {
      if (alive(node)) {
        carryOut(node, node.onDurable(lastLsn, local(node)));
      }
    }));
  }

  // ---- what happened ----

  long now() {
    return now;
  }

  <T extends ProtocolNode> T node(String name, Class<T> type) {
    return type.cast(nodes.get(name));
  }

  NodeStatus status(String name) {
    return nodes.get(name).status();
  }

  List<NodeStatus> statuses() {
    return nodes.values().stream().map(ProtocolNode::status).toList();
  }

  /** When the node's timer {@code key} will fire, or null if it is not armed. */
  Long armedTimer(String node, TimerKey key) {
    Event e = timers.getOrDefault(node, Map.of()).get(key);
    return e == null ? null : e.at();
  }

  /** Every message sent so far of this type, dropped ones included. */
  List<Envelope> sent(Class<? extends Message> type) {
    return sent.stream().filter(e -> type.isInstance(e.message())).toList();
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** Writes refused: sent to a node that did not lead, or when none did. */
  List<Redirect> redirects() {
    return List.copyOf(redirects);
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
    return readAnswers.stream().filter(a -> a.outcome().requestId() == requestId).findFirst()
        .orElseThrow(() -> new AssertionError("read " + requestId + " was not answered"));
  }

  Answer answer(long requestId) {
    return answers.stream().filter(a -> a.outcome().requestId() == requestId).findFirst()
        .orElseThrow(() -> new AssertionError("write " + requestId + " was not answered"));
  }

  /** The node's observations of this type, in the order they were made. */
  List<Observed> observed(String node, Class<? extends Observation> type) {
    return observed.stream()
        .filter(o -> o.node().equals(node) && type.isInstance(o.observation())).toList();
  }

  /** The running node that leads (the first, if several think they do), or null. */
  private ProtocolNode leader() {
    return nodes.values().stream().filter(n -> n.status().role() == NodeStatus.Role.LEADER)
        .findFirst().orElse(null);
  }

  /** The name of the running node that leads, or null. */
  String leaderName() {
    ProtocolNode leader = leader();
    return leader == null ? null : leader.name();
  }
}
