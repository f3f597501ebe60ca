package dev.replsim.dashboard;

import java.util.List;

/**
 * What the dashboard shows at one moment, published by the run's event thread a few times a
 * second of wall time and sent to every page as JSON. Immutable: the HTTP threads only read it.
 *
 * @param seq how many states were published before this one
 * @param simTimeMs simulated milliseconds since the writes started
 * @param nextEventMs when the next event is due (what a step moves to), or null when none is queued
 * @param running false once the writes have stopped (the run is writing its results)
 * @param leader the node leading now, or null while there is none (during an election)
 * @param lostWrites acknowledged writes the current leader's log lacks (counted as summary.json does)
 * @param events the latest events in plain words, each with its sequence number
 * @param live whether the run is live, in real time: then it cannot pause, step or change speed
 */
public record DemoState(
    long seq,
    double simTimeMs,
    Double nextEventMs,
    boolean paused,
    double speed,
    boolean running,
    String leader,
    List<Node> nodes,
    List<Lag> lags,
    long acknowledged,
    long failed,
    long lostWrites,
    List<Event> events,
    boolean live) {

  public DemoState {
    nodes = List.copyOf(nodes);
    lags = List.copyOf(lags);
    events = List.copyOf(events);
  }

  /** A node as its card shows it; {@code role} is leader, follower, candidate or down. */
  public record Node(String name, String role, long term, long lastLsn, long appliedLsn, boolean up) {}

  /** A follower's apply lag now, in milliseconds and in entries behind the leader. */
  public record Lag(String node, double ms, long entries) {}

  /** Something that happened, in plain words, at a simulated instant. */
  public record Event(long seq, double tMs, String text) {}
}
