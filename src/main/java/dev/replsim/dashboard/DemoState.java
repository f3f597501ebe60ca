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
 * @param settings what the commit mode, method, rates and clients are set to now
 * @param reads what the clients' reads saw so far
 * @param commitP50Ms the median commit latency of the writes acknowledged in the latest sample
 *     interval ({@code simulation.sample-interval}); null when none was
 * @param commitP99Ms their 99th percentile
 * @param flights messages between nodes on their way since the state before (see {@link Flight})
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
    DemoSettings settings,
    Reads reads,
    Double commitP50Ms,
    Double commitP99Ms,
    List<Flight> flights,
    boolean live) {

  public DemoState {
    nodes = List.copyOf(nodes);
    lags = List.copyOf(lags);
    events = List.copyOf(events);
    flights = List.copyOf(flights);
  }

  /** A node as its card shows it; {@code role} is leader, follower, candidate or down. */
  public record Node(String name, String role, long term, long lastLsn, long appliedLsn, boolean up) {}

  /** A follower's apply lag now, in milliseconds and in entries behind the leader. */
  public record Lag(String node, double ms, long entries) {}

  /**
   * The reads so far: answered, and among those judged against the acknowledged writes, how many
   * were stale (see {@link dev.replsim.metrics.StaleReadMeter}); judged is 0 when the run records
   * no history (it does when it reads and checks anomalies, as by default).
   */
  public record Reads(long answered, long judged, long stale) {
    static final Reads NONE = new Reads(0, 0, 0);
  }

  /**
   * A message between two nodes on its way, for the page to draw moving along its link: at most
   * about 60 per state, sampled fairly over the links when more are on their way. A state carries
   * those on their way at any instant since the state before (not only at its own instant), so
   * that the page, playing simulated time from the state before to this one, sees every link busy
   * even when a message goes and arrives between two states.
   *
   * @param kind what it is, in one short word: entries, ack, heartbeat, resend, snapshot, refused,
   *     vote-request, vote, hello, log-match or timeout-now
   * @param sentMs when it left, in simulated ms since the writes started (as {@code simTimeMs})
   * @param dueMs when it arrives; for a dropped one, when it would have arrived
   * @param dropped whether it is lost on its way (loss or a partition): drawn fading out halfway
   */
  public record Flight(String from, String to, String kind, double sentMs, double dueMs, boolean dropped) {}

  /** Something that happened, in plain words, at a simulated instant. */
  public record Event(long seq, double tMs, String text) {}
}
